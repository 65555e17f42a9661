package dev.ddbmodel.analyzer.internal.profile;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A generated database with known distributions, the same on PostgreSQL and MariaDB:
 *
 * <ul>
 *   <li>{@code customers} 1,100; {@code orders} 13,000: customer 1 has 10,000 orders, customers
 *       2..1001 three each, customers 1002..1100 none;
 *   <li>{@code products} 500; {@code order_lines}: product popularity Zipf (s = 1): product k has
 *       round(20,000 / (k * H500)) lines, rows shuffled;
 *   <li>{@code docs} 500 rows whose {@code body} is exactly 1,000 ASCII characters.
 * </ul>
 */
public final class ProfileFixture {
  static final int CUSTOMERS = 1_100;
  static final int ORDERS = 13_000;
  static final int PRODUCTS = 500;
  static final int[] LINES = zipf();
  static final int LINE_TOTAL = java.util.Arrays.stream(LINES).sum();

  private ProfileFixture() {}

  static int[] zipf() {
    double h = 0;
    for (int k = 1; k <= PRODUCTS; k++) {
      h += 1.0 / k;
    }
    int[] out = new int[PRODUCTS + 1];
    for (int k = 1; k <= PRODUCTS; k++) {
      out[k] = (int) Math.round(20_000 / (k * h));
    }
    return out;
  }

  public static void create(Connection c, boolean postgres) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)");
      s.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, note VARCHAR(20), FOREIGN KEY (customer_id) REFERENCES customers (id))");
      s.execute("CREATE TABLE products (id INT PRIMARY KEY, name VARCHAR(40) NOT NULL)");
      s.execute("CREATE TABLE order_lines (id INT PRIMARY KEY, order_id INT NOT NULL, product_id INT NOT NULL, qty INT NOT NULL, "
          + "FOREIGN KEY (order_id) REFERENCES orders (id), FOREIGN KEY (product_id) REFERENCES products (id))");
      s.execute("CREATE TABLE docs (id INT PRIMARY KEY, body VARCHAR(2000) NOT NULL)");
      if (postgres) {
        s.execute("CREATE INDEX orders_customer ON orders (customer_id)");
        s.execute("CREATE INDEX lines_order ON order_lines (order_id)");
        s.execute("CREATE INDEX lines_product ON order_lines (product_id)");
      }
    }
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    batch(c, "INSERT INTO customers (id, name) VALUES (?, ?)", CUSTOMERS, (p, i) -> {
      p.setInt(1, i + 1);
      p.setString(2, "customer " + (i + 1));
    });
    batch(c, "INSERT INTO orders (id, customer_id, note) VALUES (?, ?, ?)", ORDERS, (p, i) -> {
      p.setInt(1, i + 1);
      p.setInt(2, i < 10_000 ? 1 : 2 + (i - 10_000) / 3);
      p.setString(3, "n" + i);
    });
    batch(c, "INSERT INTO products (id, name) VALUES (?, ?)", PRODUCTS, (p, i) -> {
      p.setInt(1, i + 1);
      p.setString(2, "product " + (i + 1));
    });
    List<Integer> products = new ArrayList<>();
    for (int k = 1; k <= PRODUCTS; k++) {
      for (int j = 0; j < LINES[k]; j++) {
        products.add(k);
      }
    }
    Collections.shuffle(products, new Random(25));
    Random r = new Random(7);
    batch(c, "INSERT INTO order_lines (id, order_id, product_id, qty) VALUES (?, ?, ?, ?)", products.size(), (p, i) -> {
      p.setInt(1, i + 1);
      p.setInt(2, 1 + r.nextInt(ORDERS));
      p.setInt(3, products.get(i));
      p.setInt(4, 1 + r.nextInt(5));
    });
    String body = "x".repeat(1000);
    batch(c, "INSERT INTO docs (id, body) VALUES (?, ?)", 500, (p, i) -> {
      p.setInt(1, i + 1);
      p.setString(2, body);
    });
    c.commit();
    c.setAutoCommit(auto);
  }

  interface Row {
    void set(PreparedStatement p, int i) throws SQLException;
  }

  static void batch(Connection c, String sql, int n, Row row) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < n; i++) {
        row.set(p, i);
        p.addBatch();
        if (i % 2000 == 1999) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
  }

  /** Every SQL text handed to the connection, with the connection's read-only / auto-commit state at that moment. */
  record Sent(String sql, boolean readOnly, boolean autoCommit) {}

  /** A connection that records every statement text it is given (prepare, execute, batch, call). */
  static Connection recording(Connection real, List<Sent> sent) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
      if (args != null && args.length > 0 && args[0] instanceof String s && (m.getName().startsWith("prepare") || m.getName().equals("nativeSQL"))) {
        sent.add(new Sent(s, real.isReadOnly(), real.getAutoCommit()));
      }
      try {
        Object out = m.invoke(real, args);
        if (out instanceof Statement st && m.getName().equals("createStatement")) {
          return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Statement.class}, (p2, m2, a2) -> {
            if (a2 != null && a2.length > 0 && a2[0] instanceof String s) {
              sent.add(new Sent(s, real.isReadOnly(), real.getAutoCommit()));
            }
            try {
              return m2.invoke(st, a2);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
        }
        return out;
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    });
  }
}
