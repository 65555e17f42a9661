package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.AnalyzerResult;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.analyzer.internal.profile.ProfileFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managed mode writes profile.md next to the manifest by default, and not when the profile is switched off (local PostgreSQL). */
class ProfileManagedIT {
  static final String DB = "profile_test_" + Long.toString(new Random().nextLong() & Long.MAX_VALUE, 36).toLowerCase(Locale.ROOT);
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/";

  @TempDir Path out;

  @BeforeAll
  static void create() throws Exception {
    try (Connection c = DriverManager.getConnection(URL + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + DB);
    }
    try (Connection c = DriverManager.getConnection(URL + DB + "?reWriteBatchedInserts=true", "postgres", "")) {
      ProfileFixture.create(c, true);
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
    }
  }

  @AfterAll
  static void drop() throws Exception {
    try (Connection c = DriverManager.getConnection(URL + "postgres", "postgres", ""); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
    }
  }

  AnalyzerRequest.Builder managed() {
    return AnalyzerRequest.builder("postgresql", out).identifier(DB).mode("managed").host("127.0.0.1").port(5432).credentials("postgres", "");
  }

  @Test
  void managedModeWritesTheProfileByDefault() throws Exception {
    var r = SourceDbAnalyzer.run(managed().build());
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    AnalyzerResult res = r.unwrap();
    assertThat(res.files()).contains("profile.md", "manifest.md");
    String manifest = Files.readString(res.path().resolve("manifest.md"));
    assertThat(manifest).contains("[Data profile](profile.md)").startsWith("# Database Analysis Manifest\n\n## Summary\n")
        .contains("`orders(customer_id)` → `customers`: 1:huge (median 3, max 10000 children per parent)");
    assertThat(Files.readString(res.path().resolve("profile.md")))
        .contains("| orders(customer\\_id) → customers(id) | 1,100 | 1,100 | 0 | 3 | 3 | 10,000 | 11.82 | 9.0% | 1:huge |");
    assertThat(res.problems()).noneMatch(p -> p.startsWith("data profile"));
    String json = Files.readString(res.path().resolve("analysis.json"));
    assertThat(AnalysisJsonTest.validate(json)).isEmpty();
    var profile = dev.ddbmodel.core.json.Json.mapper().readTree(json).path("profile");
    assertThat(profile.path("state").asText()).isEqualTo("measured");
    assertThat(profile.path("result").path("relationships")).anySatisfy(rel -> {
      assertThat(rel.path("child").asText()).isEqualTo("orders");
      assertThat(rel.path("max").asLong()).isEqualTo(10_000);
      assertThat(rel.path("cardinality").asText()).isEqualTo("1:huge");
    });
    assertThat(res.files()).doesNotContain("profile.json");
  }

  @Test
  void noProfileWhenSwitchedOff() throws Exception {
    AnalyzerResult res = SourceDbAnalyzer.run(managed().profile(false).build()).unwrap();
    assertThat(res.files()).contains("manifest.md", "analysis.json").doesNotContain("profile.md", "profile.json");
    var profile = dev.ddbmodel.core.json.Json.mapper().readTree(Files.readString(res.path().resolve("analysis.json"))).path("profile");
    assertThat(profile.path("state").asText()).isEqualTo("off");
    assertThat(profile.path("result").isNull()).isTrue();
    assertThat(res.path().resolve("profile.md")).doesNotExist();
    assertThat(Files.readString(res.path().resolve("manifest.md"))).doesNotContain("Data profile");
  }
}
