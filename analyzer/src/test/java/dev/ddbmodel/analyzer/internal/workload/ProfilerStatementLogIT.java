package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.AnalyzerResult;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.analyzer.internal.profile.ProfileFixture;
import dev.ddbmodel.analyzer.internal.profile.ProfileRequest;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult;
import dev.ddbmodel.analyzer.internal.profile.Profiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The engines' own statement logs show that the profiler sends nothing but SELECT (besides the
 * driver's transaction control for the read-only transaction): PostgreSQL with
 * {@code log_statement = all}, MariaDB with the general log in a table. Throwaway servers, so the
 * logging settings touch nobody else.
 */
class ProfilerStatementLogIT {
  /** What the JDBC drivers themselves send to open, end and configure the read-only transaction. */
  static final Pattern DRIVER = Pattern.compile("(?i)(BEGIN( READ ONLY)?|ROLLBACK|COMMIT|SET (SESSION )?(TRANSACTION|autocommit|SESSION CHARACTERISTICS).*|START TRANSACTION( READ ONLY)?)");

  static final Pattern TIMEOUT = Pattern.compile("(?i)^SET STATEMENT max_statement_time=[0-9.]+ FOR ");

  static final ProfileRequest SAMPLED = new ProfileRequest(null, Duration.ofSeconds(30), Duration.ofMinutes(2), 1_000, 300, 5_000, 50, 5, 100, 0, 0);

  static void onlySelects(List<String> logged) {
    assertThat(logged).hasSizeGreaterThan(20);
    List<String> selects = new ArrayList<>();
    for (String s : logged) {
      // MariaDB Connector/J sends the JDBC query timeout as a prefix of the statement itself
      String t = TIMEOUT.matcher(s.strip()).replaceFirst("");
      if (!DRIVER.matcher(t).matches()) {
        assertThat(t.toUpperCase(Locale.ROOT)).as("logged statement").startsWith("SELECT ");
        selects.add(t);
      }
    }
    assertThat(selects).hasSizeGreaterThan(20);
  }

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path out;

  /** What the self-service files set for their session: read-only, the statement timeout (MariaDB's or MySQL's by version comments). */
  static final Pattern SESSION = Pattern.compile("(?i)SET (default_transaction_read_only = on|statement_timeout = 30000|SESSION TRANSACTION READ ONLY"
      + "|SESSION /\\*M! max_statement_time = 30 \\*/ /\\*!50708 max_execution_time = 30000 \\*/);?");

  /** Both self-service rounds with the client: the queries file, then profile_queries.sql; the profile is measured. */
  void selfService(String engine, String db, java.util.function.Function<java.nio.file.Path, List<String>> client) throws Exception {
    java.nio.file.Path q1 = out.resolve("queries.sql");
    SourceDbAnalyzer.run(AnalyzerRequest.builder(engine, out).identifier(db).queriesFile(q1).build()).unwrap();
    java.nio.file.Path r1 = Files.createDirectories(out.resolve("r1")).resolve("results.txt");
    Files.writeString(r1, Throwaway.exec(client.apply(q1), 120));
    AnalyzerResult first = SourceDbAnalyzer.run(AnalyzerRequest.builder(engine, r1.getParent()).identifier(db).resultFile(r1).build()).unwrap();
    java.nio.file.Path q2 = first.path().resolve(dev.ddbmodel.analyzer.internal.profile.SelfServiceProfile.FILE);
    java.nio.file.Path r2 = Files.createDirectories(out.resolve("r2")).resolve("results.txt");
    Files.writeString(r2, Throwaway.exec(client.apply(q2), 300));
    AnalyzerResult done = SourceDbAnalyzer.run(AnalyzerRequest.builder(engine, r2.getParent()).identifier(db).resultFile(r2).build()).unwrap();
    var profile = dev.ddbmodel.core.json.Json.mapper().readTree(Files.readString(done.path().resolve("analysis.json"))).path("profile");
    assertThat(profile.path("state").asText()).as(done.problems().toString()).isEqualTo("measured");
    assertThat(profile.path("result").path("relationships")).isNotEmpty();
  }

  /** Every logged statement of the self-service runs is a SELECT or one of the files' session settings; the profile's own SELECTs are among them. */
  static void onlySelectsAndSessionSettings(List<String> logged) {
    List<String> selects = new ArrayList<>();
    for (String s : logged) {
      String t = s.strip();
      if (!SESSION.matcher(t).matches()) {
        assertThat(t.toUpperCase(Locale.ROOT)).as("logged statement").startsWith("SELECT ");
        selects.add(t);
      }
    }
    assertThat(selects).anySatisfy(x -> assertThat(x).contains("count(*) FROM"));
    assertThat(selects).anySatisfy(x -> assertThat(x).contains("ddbm_n"));
    assertThat(selects).hasSizeGreaterThan(40);
  }

  @Test
  void postgresLogShowsOnlySelectForTheSelfServiceFiles() throws Exception {
    try (Throwaway pg = Throwaway.postgres()) {
      String url = "jdbc:postgresql://127.0.0.1:" + pg.port + "/";
      try (Connection c = DriverManager.getConnection(url + "postgres", "postgres", ""); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE profiled");
      }
      try (Connection c = DriverManager.getConnection(url + "profiled?reWriteBatchedInserts=true", "postgres", "")) {
        ProfileFixture.create(c, true);
        try (Statement s = c.createStatement()) {
          s.execute("ANALYZE");
          // every later session of this database logs every statement it runs
          s.execute("ALTER DATABASE profiled SET log_statement = 'all'");
        }
      }
      long before = Files.readAllLines(pg.dir.resolve("log"), StandardCharsets.UTF_8).size();
      selfService("postgresql", "profiled", f -> List.of("psql", "-X", "-h", "127.0.0.1", "-p", Integer.toString(pg.port), "-U", "postgres", "-d", "profiled",
          "-f", f.toString()));
      Thread.sleep(500);
      List<String> lines = Files.readAllLines(pg.dir.resolve("log"), StandardCharsets.UTF_8);
      List<String> logged = new ArrayList<>();
      Pattern line = Pattern.compile("LOG:  statement: (.*)");
      for (String l : lines.subList((int) before, lines.size())) {
        Matcher m = line.matcher(l);
        if (m.find()) {
          logged.add(m.group(1));
        }
      }
      onlySelectsAndSessionSettings(logged);
    }
  }

  @Test
  void mariadbGeneralLogShowsOnlySelectForTheSelfServiceFiles() throws Exception {
    try (Throwaway db = Throwaway.mariadb()) {
      String url = "jdbc:mariadb://127.0.0.1:" + db.port + "/";
      try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE profiled");
      }
      try (Connection c = DriverManager.getConnection(url + "profiled", "root", "")) {
        ProfileFixture.create(c, false);
      }
      try (Connection admin = DriverManager.getConnection(url + "profiled", "root", ""); Statement s = admin.createStatement()) {
        long id;
        try (ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
          rs.next();
          id = rs.getLong(1);
        }
        s.execute("SET GLOBAL log_output = 'TABLE'");
        s.execute("SET GLOBAL general_log = 1");
        selfService("mysql", "profiled", f -> List.of("mariadb", "-h", "127.0.0.1", "-P", Integer.toString(db.port), "-u", "root", "--batch", "--force",
            "profiled", "-e", "source " + f));
        s.execute("SET GLOBAL general_log = 0");
        List<String> logged = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT CONVERT(argument USING utf8mb4) FROM mysql.general_log WHERE thread_id <> " + id
            + " AND command_type IN ('Query', 'Execute') ORDER BY event_time")) {
          while (rs.next()) {
            logged.add(rs.getString(1));
          }
        }
        onlySelectsAndSessionSettings(logged);
      }
    }
  }

  @Test
  void postgresLogShowsOnlySelect() throws Exception {
    try (Throwaway pg = Throwaway.postgres()) {
      String url = "jdbc:postgresql://127.0.0.1:" + pg.port + "/";
      try (Connection c = DriverManager.getConnection(url + "postgres", "postgres", ""); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE profiled");
      }
      try (Connection c = DriverManager.getConnection(url + "profiled?reWriteBatchedInserts=true", "postgres", "")) {
        ProfileFixture.create(c, true);
        try (Statement s = c.createStatement()) {
          s.execute("ANALYZE");
        }
      }
      int pid;
      try (Connection c = DriverManager.getConnection(url + "profiled", "postgres", "")) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
          rs.next();
          pid = rs.getInt(1);
          s.execute("SET log_statement = 'all'");
        }
        ProfileResult r = Profiler.profile(c, SAMPLED);
        assertThat(r.relationships()).isNotEmpty();
        Thread.sleep(500);
      }
      List<String> logged = new ArrayList<>();
      // default prefix "%m [%p] ": the timestamp and this backend's pid; simple and extended protocol
      Pattern line = Pattern.compile("\\[" + pid + "\\] LOG:  (?:statement|execute [^:]+): (.*)");
      for (String l : Files.readAllLines(pg.dir.resolve("log"), StandardCharsets.UTF_8)) {
        Matcher m = line.matcher(l);
        if (m.find()) {
          logged.add(m.group(1));
        }
      }
      assertThat(logged).as("statements of backend %d in the server log:%n%s", pid,
          String.join("\n", Files.readAllLines(pg.dir.resolve("log"), StandardCharsets.UTF_8).stream().filter(l -> l.contains("statement")).limit(10).toList()))
          .isNotEmpty();
      onlySelects(logged);
    }
  }

  @Test
  void mariadbGeneralLogShowsOnlySelect() throws Exception {
    try (Throwaway db = Throwaway.mariadb()) {
      String url = "jdbc:mariadb://127.0.0.1:" + db.port + "/";
      try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE profiled");
      }
      try (Connection c = DriverManager.getConnection(url + "profiled", "root", "")) {
        ProfileFixture.create(c, false);
      }
      long id;
      try (Connection admin = DriverManager.getConnection(url + "profiled", "root", ""); Statement s = admin.createStatement()) {
        s.execute("SET GLOBAL log_output = 'TABLE'");
        s.execute("SET GLOBAL general_log = 1");
        try (Connection c = DriverManager.getConnection(url + "profiled", "root", "")) {
          try (Statement q = c.createStatement(); ResultSet rs = q.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            id = rs.getLong(1);
          }
          ProfileResult r = Profiler.profile(c, SAMPLED);
          assertThat(r.relationships()).isNotEmpty();
        }
        s.execute("SET GLOBAL general_log = 0");
        List<String> logged = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT command_type, CONVERT(argument USING utf8mb4) FROM mysql.general_log WHERE thread_id = " + id
            + " AND command_type IN ('Query', 'Execute') ORDER BY event_time")) {
          while (rs.next()) {
            logged.add(rs.getString(2));
          }
        }
        // before: the driver's connection set-up and the test's own SELECT CONNECTION_ID()
        int own = logged.indexOf("SELECT CONNECTION_ID()");
        assertThat(own).isNotNegative();
        onlySelects(logged.subList(own + 1, logged.size()));
      }
    }
  }
}
