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
}
