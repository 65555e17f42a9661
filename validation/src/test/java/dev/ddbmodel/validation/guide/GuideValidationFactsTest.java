package dev.ddbmodel.validation.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Guides;
import dev.ddbmodel.validation.Verdict;
import dev.ddbmodel.validation.internal.exec.LocalDifferences;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the guides say about validation is what validation does: the verdict and status names are
 * the report's, and the capacity paragraph names DynamoDB Local's known differences instead of
 * presenting Local's figures as DynamoDB's rules ({@code GuideModelsRunIT} runs the guides' model
 * examples).
 */
class GuideValidationFactsTest {
  @Test
  void theVerdictTableNamesEveryVerdict() {
    String text = Guides.expect("validation-report").text();
    for (Verdict v : Verdict.values()) {
      assertThat(text).as("verdict " + v).contains("| `" + v.label() + "` |");
    }
    for (String status : List.of("passed", "needs_attention", "failed")) {
      assertThat(text).contains("| `" + status + "` |");
    }
  }

  @Test
  void theCapacityParagraphNamesLocalsDifferencesAndDoesNotPresentLocalsFiguresAsTheRules() {
    String text = Guides.expect("validation-report").text();
    String capacity = Guides.section("validation-report", "Capacity figures: DynamoDB Local is not DynamoDB").orElseThrow();
    for (LocalDifferences.Difference d : LocalDifferences.all()) {
      if (d.kind().equals("capacity")) {
        assertThat(capacity).as("capacity difference " + d.id()).contains("`" + d.id() + "`");
      }
    }
    assertThat(LocalDifferences.all()).anyMatch(d -> d.kind().equals("capacity"));
    assertThat(capacity).contains("aws_consumed_capacity_units").contains("consumed_capacity_units");
    // the old text said Local's figures were "computed by DynamoDB's rules"
    assertThat(text).doesNotContain("capacity DynamoDB Local reports for it (`consumed_capacity_units` in the response, totals under `summary`), computed by");
    assertThat(text).contains("`SettingsNotKept`");
  }
}
