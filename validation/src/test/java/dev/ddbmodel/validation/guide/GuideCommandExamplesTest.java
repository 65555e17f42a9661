package dev.ddbmodel.validation.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Guide;
import dev.ddbmodel.core.Guides;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommandParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every `aws dynamodb` example in the guides parses with the validation run's parser. */
class GuideCommandExamplesTest {
  @Test
  void everyCommandInTheGuidesParses() {
    List<String> commands = new ArrayList<>();
    for (Guide g : Guides.all()) {
      for (String line : g.text().split("\n")) {
        if (line.startsWith("aws dynamodb ")) {
          commands.add(line);
        }
      }
      Matcher m = Pattern.compile("(?s)```json\\n(.*?)```").matcher(g.text());
      while (m.find()) {
        JsonNode root = Json.parseTrusted(m.group(1));
        collectImplementations(root, commands);
      }
    }
    assertThat(commands.size()).isGreaterThanOrEqualTo(12);
    for (String c : commands) {
      assertThat(AwsCliCommandParser.parse(c).errors()).as(c).isEmpty();
    }
  }

  private static void collectImplementations(JsonNode n, List<String> out) {
    if (n.isObject()) {
      if (n.path("implementation").isTextual()) {
        out.add(n.get("implementation").asText());
      }
      n.forEach(c -> collectImplementations(c, out));
    } else if (n.isArray()) {
      n.forEach(c -> collectImplementations(c, out));
    }
  }
}
