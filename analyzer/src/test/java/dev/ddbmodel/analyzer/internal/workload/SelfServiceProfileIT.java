package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.AnalyzerResult;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.analyzer.internal.profile.ProfileFixture;
import dev.ddbmodel.analyzer.internal.profile.SelfServiceProfile;
import dev.ddbmodel.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-service data profile, run with the real {@code psql} and {@code mariadb} clients against
 * the machine's servers, gives the same {@code analysis.json} profile as managed mode on the same
 * database ({@link ProfileFixture}: a parent with 10,000 children among parents with 3, Zipf product
 * popularity, rows of known size), and those figures are the generated ones.
 */
class SelfServiceProfileIT {
  @TempDir Path out;

  static String db() {
    return "ssprofile_" + Long.toString(new Random().nextLong() & Long.MAX_VALUE, 36).toLowerCase(Locale.ROOT);
  }

  @Test
  void postgresSelfServiceProfileEqualsManaged() throws Exception {
    String db = db();
    String url = "jdbc:postgresql://127.0.0.1:5432/";
    try (Connection c = DriverManager.getConnection(url + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    try {
      try (Connection c = DriverManager.getConnection(url + db + "?reWriteBatchedInserts=true", "postgres", "")) {
        ProfileFixture.create(c, true);
        try (Statement s = c.createStatement()) {
          s.execute("ANALYZE");
        }
      }
      compare("postgresql", db, 5432, "postgres",
          file -> List.of("psql", "-X", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-d", db, "-f", file.toString()));
    } finally {
      try (Connection c = DriverManager.getConnection(url + "postgres", "postgres", ""); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
    }
  }

  @Test
  void mariadbSelfServiceProfileEqualsManaged() throws Exception {
    String db = db();
    String url = "jdbc:mariadb://127.0.0.1:3306/";
    try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    try {
      try (Connection c = DriverManager.getConnection(url + db, "root", "")) {
        ProfileFixture.create(c, false);
      }
      compare("mysql", db, 3306, "root",
          file -> List.of("mariadb", "-h", "127.0.0.1", "-P", "3306", "-u", "root", "--batch", "--force", db, "-e", "source " + file));
    } finally {
      try (Connection c = DriverManager.getConnection(url, "root", ""); Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + db);
      }
    }
  }

  /** Managed, then the two self-service rounds with the client; the profiles compared and checked against the generated figures. */
  void compare(String engine, String db, int port, String user, Function<Path, List<String>> client) throws Exception {
    AnalyzerResult managed = SourceDbAnalyzer.run(AnalyzerRequest.builder(engine, Files.createDirectories(out.resolve("managed"))).identifier(db)
        .mode("managed").host("127.0.0.1").port(port).credentials(user, "").build()).unwrap();
    JsonNode m = profile(managed);
    assertThat(m.path("state").asText()).isEqualTo("measured");

    // round 1: the queries file with the profile's catalog statements
    Path q1 = out.resolve("queries.sql");
    SourceDbAnalyzer.run(AnalyzerRequest.builder(engine, out).identifier(db).queriesFile(q1).build()).unwrap();
    assertThat(Files.readString(q1)).contains("DDBM_BEGIN profile_tables").contains("Round 1 of 2").contains("each statement stops after 30 s");
    Path r1 = Files.createDirectories(out.resolve("round1")).resolve("results.txt");
    Files.writeString(r1, Throwaway.exec(client.apply(q1), 120));
    AnalyzerResult first = SourceDbAnalyzer.run(AnalyzerRequest.builder(engine, r1.getParent()).identifier(db).resultFile(r1).build()).unwrap();
    // (a fresh PostgreSQL database has no pg_stat_statements: its statistics queries fail, the profile does not need them)
    assertThat(first.problems()).noneMatch(p -> p.contains("profile"));
    assertThat(profile(first).path("state").asText()).isEqualTo("pending");
    assertThat(first.files()).contains(SelfServiceProfile.FILE).doesNotContain("profile.md");
    assertThat(first.toText()).contains("round 2 of 2").contains(SelfServiceProfile.FILE);
    Path q2 = first.path().resolve(SelfServiceProfile.FILE);
    String second = Files.readString(q2);
    assertThat(second).startsWith(SelfServiceSql.MARKER).contains("DDBM_BEGIN profile_plan").contains("DDBM_BEGIN profile_t0_count")
        .contains("DDBM_BEGIN table_analysis");

    // round 2: that file, the same way
    Path r2 = Files.createDirectories(out.resolve("round2")).resolve("results.txt");
    Files.writeString(r2, Throwaway.exec(client.apply(q2), 300));
    AnalyzerResult done = SourceDbAnalyzer.run(AnalyzerRequest.builder(engine, r2.getParent()).identifier(db).resultFile(r2).build()).unwrap();
    assertThat(done.problems()).noneMatch(p -> p.contains("profile"));
    JsonNode s = profile(done);
    assertThat(s.path("state").asText()).isEqualTo("measured");
    assertThat(done.files()).contains("profile.md").doesNotContain(SelfServiceProfile.FILE);
    assertThat(AnalysisJsonTest.validate(Files.readString(done.path().resolve("analysis.json")))).isEmpty();

    // equal, but for the engine's live counters (the runs themselves move them)
    assertThat(s.path("result").path("statements").asLong()).isGreaterThan(20);
    assertThat(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(masked(s)))
        .isEqualTo(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(masked(m)));
    assertThat(Files.readString(done.path().resolve("manifest.md"))).contains("`orders(customer_id)` → `customers`: 1:huge (median 3, max 10000 children per parent)");

    // and the figures are the generated ones
    JsonNode r = s.path("result");
    JsonNode orders = find(r.path("relationships"), x -> x.path("child").asText().equals("orders"));
    assertThat(List.of(orders.path("min").asLong(), orders.path("median").asLong(), orders.path("p99").asLong(), orders.path("max").asLong()))
        .containsExactly(0L, 3L, 3L, 10_000L);
    assertThat(orders.path("none_share").asDouble()).isCloseTo(99.0 / 1100, within(1e-9));
    assertThat(orders.path("cardinality").asText()).isEqualTo("1:huge");
    JsonNode cust = find(r.path("keys"), x -> x.path("table").asText().equals("orders") && x.path("column").asText().equals("customer_id"));
    assertThat(cust.path("heaviest").get(0).path("value").asText()).isEqualTo("1");
    assertThat(cust.path("heaviest").get(0).path("share").asDouble()).isCloseTo(10_000.0 / 13_000, within(0.01));
    JsonNode prod = find(r.path("keys"), x -> x.path("table").asText().equals("order_lines") && x.path("column").asText().equals("product_id"));
    double h = 0;
    for (int k = 1; k <= 500; k++) {
      h += 1.0 / k;
    }
    for (int k = 1; k <= 3; k++) {
      assertThat(prod.path("heaviest").get(k - 1).path("value").asText()).isEqualTo(Integer.toString(k));
      assertThat(prod.path("heaviest").get(k - 1).path("share").asDouble()).isCloseTo(1 / (k * h), within(0.01));
    }
    JsonNode docs = find(r.path("tables"), x -> x.path("name").asText().equals("docs"));
    assertThat(docs.path("rows").asLong()).isEqualTo(500);
    assertThat(docs.path("avg_row_bytes").asDouble()).isBetween(1000.0, 1100.0);
    assertThat(docs.path("avg_item_bytes").asDouble()).isBetween(1008.0, 1009.0);
    assertThat(docs.path("max_item_bytes").asLong()).isEqualTo(1009);
  }

  static JsonNode profile(AnalyzerResult r) throws Exception {
    return Json.mapper().readTree(Files.readString(r.path().resolve("analysis.json"))).path("profile");
  }

  static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> p) {
    return StreamSupport.stream(array.spliterator(), false).filter(p).findFirst().orElseThrow(() -> new AssertionError("not found in " + array));
  }

  /** The profile with the workload counters (reads, writes, window, rates) blanked. */
  static JsonNode masked(JsonNode profile) {
    JsonNode copy = profile.deepCopy();
    for (JsonNode t : copy.path("result").path("tables")) {
      if (t.path("workload").isObject()) {
        ObjectNode w = (ObjectNode) t.path("workload");
        for (String f : List.of("reads", "writes", "window_seconds", "reads_per_second", "writes_per_second", "reads_per_write")) {
          w.put(f, "live");
        }
      }
    }
    return copy;
  }
}
