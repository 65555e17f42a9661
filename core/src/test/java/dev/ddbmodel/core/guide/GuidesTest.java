package dev.ddbmodel.core.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.cost.CostCalculator;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.model.DataModelLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GuidesTest {
  static final Pattern CLAIM = Pattern.compile("([0-9][0-9,]*(?:\\.[0-9]+)?)(?:\\s*[A-Za-z%]+)?<!--n:([A-Z_]+)-->");
  static final Pattern JSON_BLOCK = Pattern.compile("(?s)```json\\n(.*?)```");

  @Test
  void everyGuideLoadsWithoutAnnotations() {
    List<Guide> all = Guides.all();
    assertThat(all).extracting(Guide::id).contains("data-modeling", "data-model-json", "schema-converter", "usage-data",
        "validation-report", "next-steps", "dal-python", "dal-java", "dal-typescript");
    for (Guide g : all) {
      assertThat(g.text().length()).as(g.id()).isGreaterThan(400);
      assertThat(g.text()).as(g.id()).doesNotContain("<!--n:");
      assertThat(g.version()).isNotBlank();
    }
    assertThat(Guides.load("nope")).isEmpty();
  }

  @Test
  void everyNumberMatchesTheLimitsTable() {
    int checked = 0;
    List<String> wrong = new ArrayList<>();
    for (Guide g : Guides.all()) {
      String raw = Guides.raw(Guides.file(g.id()));
      Matcher m = CLAIM.matcher(raw);
      while (m.find()) {
        double stated = Double.parseDouble(m.group(1).replace(",", ""));
        String name = m.group(2);
        if (!DynamoDbLimits.VALUES.containsKey(name) || DynamoDbLimits.get(name) != stated) {
          wrong.add(g.id() + ": " + m.group() + " (table says " + DynamoDbLimits.VALUES.get(name) + ")");
        }
        checked++;
      }
      assertThat(raw.split("<!--n:", -1).length - 1).as("every annotation follows a number in " + g.id())
          .isEqualTo((int) CLAIM.matcher(raw).results().count());
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).isGreaterThanOrEqualTo(40);
  }

  @Test
  void limitsTableAgreesWithTheCalculator() {
    assertThat(DynamoDbLimits.get("PARTITION_RCU")).isEqualTo(CostCalculator.PARTITION_RCU);
    assertThat(DynamoDbLimits.get("PARTITION_WCU")).isEqualTo(CostCalculator.PARTITION_WCU);
    assertThat(DynamoDbLimits.get("READ_UNIT_KB") * 1024).isEqualTo(CostCalculator.READ_UNIT_BYTES);
    assertThat(DynamoDbLimits.get("WRITE_UNIT_KB") * 1024).isEqualTo(CostCalculator.WRITE_UNIT_BYTES);
    assertThat(DynamoDbLimits.get("STORAGE_OVERHEAD_BYTES")).isEqualTo(CostCalculator.ITEM_OVERHEAD_BYTES);
    // break-even: a fully used provisioned WCU-month versus the same writes on demand
    double provisioned = DynamoDbLimits.get("PRICE_WCU_HOUR") * 730;
    double onDemand = DynamoDbLimits.get("PRICE_WRU_PER_MILLION") / 1e6 * 730 * 3600;
    assertThat(Math.round(provisioned / onDemand * 100)).isEqualTo((long) DynamoDbLimits.get("BREAK_EVEN_PERCENT"));
  }

  @Test
  void jsonExamplesParseAndDataModelsValidate() {
    int models = 0;
    for (Guide g : Guides.all()) {
      Matcher m = JSON_BLOCK.matcher(g.text());
      while (m.find()) {
        Validated<JsonDocument> doc = JsonDocument.parse(g.id() + ".md", m.group(1));
        assertThat(doc.errors()).as(g.id() + " example:\n" + m.group(1)).isEmpty();
        var root = doc.unwrap().root();
        if (root.has("tables") && root.has("access_patterns") && root.has("items")) {
          var r = DataModelLoader.parse(g.id() + ".md", m.group(1));
          assertThat(r.errors()).as(g.id()).isEmpty();
          models++;
        }
      }
    }
    assertThat(models).isGreaterThanOrEqualTo(1);
  }
}
