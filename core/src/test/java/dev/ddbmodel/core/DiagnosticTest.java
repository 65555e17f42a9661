package dev.ddbmodel.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiagnosticTest {
  static final SourceLocation AT = new SourceLocation("schema.json", "/tables/0", 3, 5);

  @Test
  void kindIsInputUnlessTheFinderSaysOtherwise() {
    assertThat(Diagnostic.error("A.B", "m", AT, "h").kind()).isEqualTo(Diagnostic.Kind.INPUT);
    assertThat(Diagnostic.warning("A.B", "m", AT, "h").kind()).isEqualTo(Diagnostic.Kind.INPUT);
    assertThat(new Diagnostic("A.B", Severity.ERROR, "m", AT, "h", null).kind()).isEqualTo(Diagnostic.Kind.INPUT);
    Diagnostic usage = Diagnostic.usage("Path.Missing", "m", AT, "h");
    assertThat(usage.kind()).isEqualTo(Diagnostic.Kind.USAGE);
    assertThat(usage.isError()).isTrue();
    Diagnostic env = Diagnostic.environment("Analyzer.Connection", "m", SourceLocation.NONE, "");
    assertThat(env.kind()).isEqualTo(Diagnostic.Kind.ENVIRONMENT);
    assertThat(env.isError()).isTrue();
  }

  @Test
  void kindSurvivesRelocationAndIsInTheJsonForm() {
    Diagnostic d = Diagnostic.usage("Output.NotOwned", "m", SourceLocation.NONE, "h").withLocation(AT);
    assertThat(d.kind()).isEqualTo(Diagnostic.Kind.USAGE);
    assertThat(d.location()).isEqualTo(AT);
    assertThat(d.withKind(Diagnostic.Kind.ENVIRONMENT).kind()).isEqualTo(Diagnostic.Kind.ENVIRONMENT);
    assertThat(d.toMap()).containsEntry("kind", "usage").containsEntry("line", 3);
  }

  /** Issue 22: a 100 KB value is not echoed back; short ones are untouched. */
  @Test
  void longEchoedValuesAreShortened() {
    String big = "Q".repeat(100_000);
    Diagnostic d = Diagnostic.error("Schema.Operation", "invalid operation `" + big + "`", SourceLocation.NONE, "not `" + big + "`");
    assertThat(d.message()).startsWith("invalid operation `QQQ").contains("…` (100000 characters)").hasSizeLessThan(200);
    assertThat(d.hint()).hasSizeLessThan(200);
    assertThat(Diagnostic.error("X.Y", "m".repeat(5000), SourceLocation.NONE, "").message()).hasSize(Diagnostic.MAX_TEXT);
    String normal = "invalid operation `Querry` in `" + "a".repeat(70) + "`";
    assertThat(Diagnostic.error("X.Y", normal, SourceLocation.NONE, "").message()).isEqualTo(normal);
  }

  /** Issue 22: the hint never suggests the very value that was refused. */
  @Test
  void aHintNeverRepeatsTheInput() {
    assertThat(Suggestions.hint("Query", java.util.List.of("Query", "Scan"))).doesNotContain("did you mean `Query`");
    assertThat(Suggestions.hint("Querry", java.util.List.of("Query", "Scan"))).isEqualTo("did you mean `Query`?");
  }
}
