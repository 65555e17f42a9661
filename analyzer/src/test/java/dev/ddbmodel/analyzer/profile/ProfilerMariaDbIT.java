package dev.ddbmodel.analyzer.profile;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The profiler on the machine's MariaDB (127.0.0.1:3306, root), in a database of its own that is dropped afterwards. */
class ProfilerMariaDbIT extends ProfilerContract {
  static final String DB = "profile_test_" + Long.toString(new Random().nextLong() & Long.MAX_VALUE, 36).toLowerCase(Locale.ROOT);
  static final String URL = "jdbc:mariadb://127.0.0.1:3306/";

  @BeforeAll
  static void create() throws Exception {
    try (Connection c = DriverManager.getConnection(URL, "root", ""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DB);
    }
    try (Connection c = connection()) {
      ProfileFixture.create(c, false);
    }
  }

  @AfterAll
  static void drop() throws Exception {
    try (Connection c = DriverManager.getConnection(URL, "root", ""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB);
    }
  }

  static Connection connection() throws SQLException {
    return DriverManager.getConnection(URL + DB, "root", "");
  }

  @Override
  Connection connect() throws SQLException {
    return connection();
  }
}
