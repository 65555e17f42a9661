package dev.ddbmodel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationReport;
import dev.ddbmodel.validation.ModelValidationRequest;
import dev.ddbmodel.validation.PatternOutcome;
import dev.ddbmodel.validation.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled example passes validation on embedded DynamoDB Local, with no failed pattern. */
class ExampleModelsValidateTest {
  @TempDir Path tmp;

  static Stream<String> examples() throws Exception {
    try (Stream<Path> s = Files.list(Path.of("models"))) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("examples")
  void examplePasses(String name) throws Exception {
    Path ws = Files.createDirectory(tmp.resolve(name));
    Files.copy(Path.of("models", name, "dynamodb_data_model.json"), ws.resolve("dynamodb_data_model.json"));
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    var req = new ModelValidationRequest(ws, Optional.empty(), false, false, true, clock);
    ModelValidationReport report = ModelValidation.run(req).unwrap();
    List<PatternOutcome> bad = report.patterns().stream().filter(p -> p.verdict().failed() || p.verdict() == Verdict.SUCCESS_EMPTY).toList();
    assertThat(bad).as(report.toMarkdown()).isEmpty();
    assertThat(report.summary().status()).isIn("passed", "needs_attention");
    assertThat(report.resources().tables()).allSatisfy(t -> assertThat(t.failed()).isFalse());
    assertThat(report.resources().items()).allSatisfy(i -> assertThat(i.written()).isEqualTo(i.requested()));
    var json = Json.parseTrusted(Files.readString(ws.resolve(ModelValidationReport.JSON_FILE)));
    assertThat(json.path("validation_response").size()).isEqualTo(report.patterns().size());
    assertThat(json.path("validated_at").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(Files.readString(ws.resolve(ModelValidationReport.MARKDOWN_FILE))).startsWith("# DynamoDB Data Model Validation Report");
  }
}
