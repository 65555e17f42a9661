package dev.ddbmodel.validation.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Guide;
import dev.ddbmodel.core.Guides;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationReport;
import dev.ddbmodel.validation.ModelValidationRequest;
import dev.ddbmodel.validation.PatternOutcome;
import dev.ddbmodel.validation.Verdict;
import dev.ddbmodel.validation.internal.exec.LocalDifferences;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every model example of the guides passes a real validation run on the embedded DynamoDB Local:
 * each pattern succeeds or has the outcome its {@code expect} states, and every table and item is
 * created.
 */
class GuideModelsRunIT {
  @TempDir Path tmp;

  static List<String> modelExamples() {
    List<String> out = new ArrayList<>();
    for (Guide g : Guides.all()) {
      Matcher m = Pattern.compile("(?s)```json\\n(.*?)```").matcher(g.text());
      while (m.find()) {
        JsonNode n = Json.parseTrusted(m.group(1));
        if (n.has("tables") && n.has("items") && n.has("access_patterns")) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }

  @Test
  void everyModelExampleOfTheGuidesPassesARealRun() throws Exception {
    List<String> models = modelExamples();
    assertThat(models).hasSizeGreaterThanOrEqualTo(2);
    int i = 0;
    for (String model : models) {
      Path ws = Files.createDirectories(tmp.resolve("m" + i++));
      Files.writeString(ws.resolve("dynamodb_data_model.json"), model, StandardCharsets.UTF_8);
      var r = ModelValidation.run(new ModelValidationRequest(ws, Optional.empty(), false, false, false,
          Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC)));
      assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
      ModelValidationReport report = r.unwrap();
      List<String> bad = new ArrayList<>();
      for (PatternOutcome p : report.patterns()) {
        boolean ok = p.verdict() == Verdict.SUCCESS || p.verdict() == Verdict.SKIPPED_EXTERNAL || p.asExpected();
        if (!ok || p.findings().stream().anyMatch(Diagnostic::isError)) {
          bad.add(p.patternId() + " " + p.verdict() + " " + p.findings());
        }
      }
      assertThat(bad).as("guide model example " + i).isEmpty();
      assertThat(report.summary().status()).as(report.toMarkdown()).isIn("passed", "needs_attention");
      assertThat(report.summary().failed()).isZero();
      assertThat(report.summary().resourceFailures()).isZero();
    }
  }

}
