package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.analyzer.internal.dialect.Dialect;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.testing.StringAttacks;
import dev.ddbmodel.core.testing.StringAttacks.Attack;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every string option of the analyzer against the shared attack catalogue: refused (exit 2) or neutralised. */
class AnalyzerAttacksTest {
  @TempDir Path out;

  static boolean hasControl(String s) {
    return s.codePoints().anyMatch(Inputs::forbiddenChar);
  }

  static void noRawControlCharacters(List<Diagnostic> ds) {
    for (Diagnostic d : ds) {
      assertThat(hasControl(d.message()) || hasControl(d.hint())).as(d.toString()).isFalse();
    }
  }

  @Test
  void theIssueExampleWritesNoFileAndIsAUsageError() {
    Path q = out.resolve("q.sql");
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier("shop\nDROP DATABASE victim; -- ").queriesFile(q).build());
    assertThat(r.errors()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo(Inputs.ID).isEqualTo("Analyzer.InvalidValue");
      assertThat(d.kind()).isEqualTo(Diagnostic.Kind.USAGE);
      assertThat(d.message()).contains("source_identifier").contains("U+000A");
    });
    assertThat(q).doesNotExist();
  }

  @Test
  void sourceIdentifierInEveryDialect() throws Exception {
    for (String db : Dialect.NAMES) {
      Dialect d = Dialect.of(db).orElseThrow();
      for (Attack a : StringAttacks.all()) {
        Path q = out.resolve(db + "-" + Integer.toHexString(a.name().hashCode()) + ".sql");
        var r = SourceDbAnalyzer.run(AnalyzerRequest.builder(db, out).identifier(a.value()).queriesFile(q).build());
        if (hasControl(a.value())) {
          assertThat(r.isValid()).as(db + " " + a).isFalse();
        }
        if (!r.isValid()) {
          assertThat(r.errors()).as(db + " " + a).allSatisfy(e -> {
            assertThat(e.id()).isIn(Inputs.ID, "Analyzer.MissingIdentifier");
            assertThat(e.kind()).isEqualTo(Diagnostic.Kind.USAGE);
          });
          noRawControlCharacters(r.diagnostics());
          assertThat(q).as(db + " " + a).doesNotExist();
          continue;
        }
        String sql = Files.readString(q, StandardCharsets.UTF_8);
        assertThat(hasControl(sql.replace("\n", ""))).as(db + " " + a).isFalse();
        String value = db.equals("oracle") ? a.value().toUpperCase(java.util.Locale.ROOT) : a.value();
        // the value appears in SQL only as the dialect's escaped literal
        assertThat(sql).as(db + " " + a).contains(d.literal(value));
        if (value.matches(".*[^A-Za-z0-9_ ].*")) {
          for (String line : sql.lines().filter(l -> !l.startsWith("--")).toList()) {
            assertThat(line.replace(d.literal(value), "")).as(db + " " + a + ": " + line).doesNotContain(value);
          }
        }
        // the header starts with the read-only notice and names what it reads; the command line quotes the name
        assertThat(sql).startsWith("-- READ-ONLY").contains("-- Reads: ");
        if (db.equals("mysql") || db.equals("sqlserver")) {
          assertThat(sql).contains(Inputs.shellWord(value) + " ");
        }
      }
    }
  }

  @Test
  void everyOtherStringOption() {
    // options that reach the network are checked with the values that must never get that far
    List<BiFunction<AnalyzerRequest.Builder, String, AnalyzerRequest.Builder>> options = List.of(
        (b, v) -> b.host(v).credentials("u", "p"), (b, v) -> b.host("127.0.0.1").credentials(v, "p"), (b, v) -> b.region(v).secretArn("arn:x"),
        (b, v) -> b.secretArn(v).region("eu-west-1"), (b, v) -> b.clusterArn(v).secretArn("arn:aws:secretsmanager:eu-west-1:1:secret:s"));
    for (Attack a : StringAttacks.all()) {
      for (var opt : options) {
        if (!hasControl(a.value())) {
          continue;
        }
        var r = SourceDbAnalyzer.run(opt.apply(AnalyzerRequest.builder("postgresql", out).identifier("shop").mode("managed").port(1)
            .statementTimeoutSeconds(1), a.value()).build());
        assertThat(r.errors()).as(a.toString()).extracting(Diagnostic::id).containsExactly(Inputs.ID);
        noRawControlCharacters(r.diagnostics());
      }
      if (Inputs.host("hostname", a.value()).isEmpty() && !a.value().matches("[a-z]+")) {
        throw new AssertionError("accepted as a host: " + a);
      }
      // closed sets: refused with the value shown safely
      var type = SourceDbAnalyzer.run(AnalyzerRequest.builder(a.value(), out).identifier("shop").build());
      assertThat(type.isValid()).isFalse();
      noRawControlCharacters(type.diagnostics());
      var mode = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier("shop").mode(a.value()).build());
      assertThat(mode.isValid()).isFalse();
      noRawControlCharacters(mode.diagnostics());
    }
  }

  @Test
  void numbersOutOfRangeAreRefused() {
    for (int days : new int[] {0, -1, Inputs.MAX_DAYS + 1, Integer.MIN_VALUE}) {
      var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier("shop").days(days).queriesFile(out.resolve("q.sql")).build());
      assertThat(r.errors()).extracting(Diagnostic::id).containsExactly(Inputs.ID);
    }
    for (int max : new int[] {0, -5, Inputs.MAX_ROWS + 1}) {
      var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier("shop").maxResults(max).queriesFile(out.resolve("q.sql")).build());
      assertThat(r.errors()).extracting(Diagnostic::id).containsExactly(Inputs.ID);
    }
    var port = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier("shop").mode("managed").host("h").port(70000).credentials("u", "").build());
    assertThat(port.errors()).extracting(Diagnostic::id).containsExactly(Inputs.ID);
    assertThat(out.resolve("q.sql")).doesNotExist();
  }

  @Test
  void shellWordsRoundTripThroughARealShell() throws Exception {
    for (Attack a : StringAttacks.all()) {
      if (a.value().indexOf('\0') >= 0) {
        continue; // a shell argument cannot hold NUL; such values are refused before any command line is shown
      }
      String got = Throwaway.exec(List.of("bash", "-c", "printf '%s' " + Inputs.shellWord(a.value())), 10);
      assertThat(got).as(a.toString()).isEqualTo(a.value());
    }
    assertThat(Path.of("/tmp/ddbm-pwned")).doesNotExist();
  }

  @Test
  void managedUrlsCannotCarryProperties() {
    assertThat(Dialect.of("mysql").orElseThrow().jdbcUrl("h", 1, "x?allowLoadLocalInfile=true")).isEqualTo("jdbc:mariadb://h:1/");
    assertThat(Dialect.of("postgresql").orElseThrow().jdbcUrl("h", 1, "x?socketFactory=evil&a=b")).isEqualTo("jdbc:postgresql://h:1/x%3FsocketFactory%3Devil%26a%3Db");
    assertThat(Dialect.of("sqlserver").orElseThrow().jdbcUrl("h", 1, "x};trustServerCertificate=true;{")).contains("databaseName={x}};trustServerCertificate=true;{};encrypt=true;trustServerCertificate=false");
  }
}
