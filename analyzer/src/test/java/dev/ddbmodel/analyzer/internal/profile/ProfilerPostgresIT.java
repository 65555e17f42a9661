package dev.ddbmodel.analyzer.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The profiler on the machine's PostgreSQL (127.0.0.1:5432, trust), in a database of its own that is dropped afterwards. */
class ProfilerPostgresIT extends ProfilerContract {
  static final String SUFFIX = Long.toString(new Random().nextLong() & Long.MAX_VALUE, 36).toLowerCase(Locale.ROOT);
  static final String DB = "profile_test_" + SUFFIX;
  static final String READER = "profile_reader_" + SUFFIX;
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/";

  @BeforeAll
  static void create() throws Exception {
    try (Connection c = DriverManager.getConnection(URL + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DB);
      s.execute("CREATE ROLE " + READER + " LOGIN");
    }
    try (Connection c = DriverManager.getConnection(URL + DB + "?reWriteBatchedInserts=true", "postgres", "")) {
      ProfileFixture.create(c, true);
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE");
        s.execute("GRANT SELECT ON customers, orders, products, order_lines TO " + READER);
      }
    }
  }

  @AfterAll
  static void drop() throws Exception {
    try (Connection c = DriverManager.getConnection(URL + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
      s.execute("DROP ROLE IF EXISTS " + READER);
    }
  }

  @Override
  Connection connect() throws SQLException {
    return DriverManager.getConnection(URL + DB, "postgres", "");
  }

  @Test
  void aTableTheUserMayNotReadIsReportedAndTheRestIsProfiled() throws Exception {
    try (Connection c = DriverManager.getConnection(URL + DB, READER, "")) {
      ProfileResult r = Profiler.profile(c, ProfileRequest.defaults());
      // one warning for the run, no refused statement: the catalog says what the user may read
      assertThat(r.diagnostics()).extracting(Diagnostic::id).containsExactly("Profile.NotReadable");
      assertThat(r.diagnostics().get(0).message()).startsWith("1 table(s) cannot be read").endsWith(": docs");
      assertThat(r.skipped()).containsExactly("docs: no SELECT privilege");
      assertThat(r.tables()).extracting(ProfileResult.TableProfile::name).containsExactly("customers", "order_lines", "orders", "products");
      assertThat(rel(r, "orders", "customer_id").max()).isEqualTo(10_000);
      assertThat(r.diagnostics()).extracting(Diagnostic::severity).doesNotContain(dev.ddbmodel.core.Severity.ERROR);
    }
  }
}
