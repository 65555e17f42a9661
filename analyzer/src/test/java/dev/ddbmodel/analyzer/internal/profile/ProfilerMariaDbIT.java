package dev.ddbmodel.analyzer.internal.profile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import java.util.List;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.KeySkew;
import dev.ddbmodel.core.Diagnostic;

/** The profiler on the machine's MariaDB (127.0.0.1:3306, root), in a database of its own that is dropped afterwards. */
class ProfilerMariaDbIT extends ProfilerContract {
  static final String DB = "profile_test_" + Long.toString(new Random().nextLong() & Long.MAX_VALUE, 36).toLowerCase(Locale.ROOT);
  static final String URL = "jdbc:mariadb://127.0.0.1:3306/";
  static final String READER = "profile_r_" + Long.toString(new Random().nextLong() & Long.MAX_VALUE, 36).substring(0, 8);

  @BeforeAll
  static void create() throws Exception {
    try (Connection c = DriverManager.getConnection(URL, "root", ""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DB);
    }
    try (Connection c = connection()) {
      ProfileFixture.create(c, false);
    }
    try (Connection c = DriverManager.getConnection(URL, "root", ""); Statement s = c.createStatement()) {
      s.execute("CREATE USER '" + READER + "'@'127.0.0.1'");
      s.execute("CREATE USER '" + READER + "'@'localhost'");
      for (String host : new String[] {"127.0.0.1", "localhost"}) {
        for (String t : new String[] {"customers", "orders", "products", "order_lines"}) {
          s.execute("GRANT SELECT ON " + DB + "." + t + " TO '" + READER + "'@'" + host + "'");
        }
        // only the id of docs: the table is listed and countable, its body cannot be read
        s.execute("GRANT SELECT (id) ON " + DB + ".docs TO '" + READER + "'@'" + host + "'");
      }
    }
  }

  @AfterAll
  static void drop() throws Exception {
    try (Connection c = DriverManager.getConnection(URL, "root", ""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB);
      s.execute("DROP USER IF EXISTS '" + READER + "'@'127.0.0.1', '" + READER + "'@'localhost'");
    }
  }

  static Connection connection() throws SQLException {
    return DriverManager.getConnection(URL + DB, "root", "");
  }

  @Override
  Connection connect() throws SQLException {
    return connection();
  }

  @Test
  void aRefusedStatementIsReportedAndTheRestIsProfiled() throws Exception {
    try (Connection c = DriverManager.getConnection(URL + DB, READER, "")) {
      ProfileResult r = Profiler.profile(c, ProfileRequest.defaults());
      // performance_schema is not granted: the workload is refused, once, and everything else is measured
      assertThat(r.diagnostics()).filteredOn(d -> d.id().equals("Profile.QueryFailed")).singleElement()
          .satisfies(d -> assertThat(d.message()).startsWith("workload:").contains("42000").contains("performance_schema"));
      assertThat(rel(r, "orders", "customer_id").max()).isEqualTo(10_000);
      assertThat(table(r, "docs").rows()).isEqualTo(500);
      // the catalog shows this user only the column it may read: docs is sized by its id alone ("id" + a number of 2 or 3 bytes)
      assertThat(table(r, "docs").avgItemBytes()).isBetween(4.0, 5.0);
      assertThat(table(r, "docs").workload()).isNull();
      assertThat(r.diagnostics()).extracting(Diagnostic::severity).doesNotContain(dev.ddbmodel.core.Severity.ERROR);
    }
  }

  /** A Zipf column with a JSON histogram (ANALYZE TABLE ... PERSISTENT): the histogram is the skew source, without a GROUP BY. */
  @Test
  void mariaDbHistogramsAreTheSkewSourceWhenPresent() throws Exception {
    String db = DB + "_h";
    try (Connection c = DriverManager.getConnection(URL, "root", ""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    try {
      try (Connection c = DriverManager.getConnection(URL + db, "root", ""); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE zipf (id INT PRIMARY KEY, product_id INT NOT NULL, KEY (product_id))");
        int id = 0;
        StringBuilder values = new StringBuilder();
        for (int k = 1; k <= ProfileFixture.PRODUCTS; k++) {
          for (int n = 0; n < ProfileFixture.LINES[k]; n++) {
            values.append(values.length() == 0 ? "" : ",").append('(').append(++id).append(',').append(k).append(')');
          }
        }
        s.execute("INSERT INTO zipf VALUES " + values);
        // the histogram type is a session setting: the server's default is left alone
        s.execute("SET SESSION histogram_type = 'JSON_HB'");
        s.execute("ANALYZE TABLE zipf PERSISTENT FOR COLUMNS (product_id) INDEXES ()");
      }
      List<ProfileFixture.Sent> sent = new java.util.ArrayList<>();
      try (Connection c = DriverManager.getConnection(URL + db, "root", "")) {
        ProfileResult r = Profiler.profile(ProfileFixture.recording(c, sent), ProfileRequest.defaults().withSchema(db));
        KeySkew prod = key(r, "zipf", "product_id");
        assertThat(prod.source()).startsWith("MariaDB histogram");
        double h = 0;
        for (int k = 1; k <= ProfileFixture.PRODUCTS; k++) {
          h += 1.0 / k;
        }
        for (int k = 1; k <= 3; k++) {
          assertThat(prod.heaviest().get(k - 1).value()).isEqualTo(Integer.toString(k));
          assertThat(prod.heaviest().get(k - 1).share()).isCloseTo(1 / (k * h), within(0.01));
        }
        assertThat((double) prod.distinct()).isCloseTo(ProfileFixture.PRODUCTS, within(ProfileFixture.PRODUCTS * 0.05));
        // no GROUP BY over the histogram's column; only SELECT statements
        assertThat(sent).extracting(ProfileFixture.Sent::sql).noneMatch(q -> q.contains("GROUP BY s.`product_id`"))
            .allMatch(q -> q.stripLeading().regionMatches(true, 0, "SELECT", 0, 6));
        assertThat(r.diagnostics()).extracting(Diagnostic::id).doesNotContain("Profile.QueryFailed");
      }
    } finally {
      try (Connection c = DriverManager.getConnection(URL, "root", ""); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + db);
      }
    }
  }
}
