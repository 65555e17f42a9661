package dev.ddbmodel.codegen.internal.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.core.Guides;
import dev.ddbmodel.validation.LocalDynamoDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema.json of the converter guide with the usage data of the usage data guide generates a
 * Python DAL whose usage examples run every pattern against DynamoDB Local: an assistant that
 * copies the guides' examples gets working code, not only a file the validator accepts.
 */
class GuideSchemaDalIT {
  @TempDir Path tmp;

  static String firstJson(String guide) {
    Matcher m = Pattern.compile("(?s)```json\\n(.*?)```").matcher(Guides.expect(guide).text());
    assertThat(m.find()).as(guide).isTrue();
    return m.group(1);
  }

  @Test
  void theGuidesSchemaAndUsageDataRunEveryPattern() throws Exception {
    Path schema = Files.writeString(tmp.resolve("schema.json"), firstJson("schema-converter"), StandardCharsets.UTF_8);
    Path usage = Files.writeString(tmp.resolve("usage_data.json"), firstJson("usage-data"), StandardCharsets.UTF_8);
    Path out = tmp.resolve("dal");
    var r = DalGenerator.generate(new DalRequest(schema, DalRequest.Language.PYTHON, Optional.of(out), Optional.of(usage), true));
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    try (LocalDynamoDb local = LocalDynamoDb.server()) {
      var run = dev.ddbmodel.core.process.ExternalProcess.run(new ProcessBuilder("python3", "usage_examples.py", "--endpoint",
          local.endpoint().orElseThrow().toString()).directory(out.toFile()), java.time.Duration.ofSeconds(120));
      assertThat(run.succeeded()).as(run.describe()).isTrue();
      dev.ddbmodel.codegen.internal.render.UsageSummary.assertEveryPatternRan(run.stdout(), out, r.unwrap().patterns());
    }
  }
}
