package dev.ddbmodel.examples.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.cli.AwsCliCommand;
import dev.ddbmodel.validation.cli.AwsCliCommandParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Mutated aws dynamodb commands: parsed or refused with a diagnostic, never an exception or a hang. */
class CommandParserFuzzTest {
  static final List<String> SEEDS = new ArrayList<>();
  static final String[] INSERTS = {"|", "&&", ";", "`id`", "$(id)", "$HOME", "'", "\"", "\\", " --endpoint-url http://x", " --profile p",
      " --no-", "--", "{", "}", "\n", " --limit -1", " --select X", "\u0000", "=", " --key", "'{\"a\":{\"S\":1}}'"};

  @BeforeContainer
  static void seeds() throws Exception {
    SEEDS.clear();
    for (var dir : FuzzSupport.exampleDirs()) {
      Json.parseTrusted(Files.readString(dir.resolve("dynamodb_data_model.json"), StandardCharsets.UTF_8)).path("access_patterns")
          .forEach(ap -> {
            if (ap.has("implementation")) {
              SEEDS.add(ap.get("implementation").asText());
            }
          });
    }
  }

  @Property
  void mutatedCommands(@ForAll long seed) throws Exception {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder(SEEDS.get(r.nextInt(SEEDS.size())));
    for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
      int pos = r.nextInt(sb.length() + 1);
      switch (r.nextInt(3)) {
        case 0 -> sb.insert(pos, INSERTS[r.nextInt(INSERTS.length)]);
        case 1 -> sb.delete(pos, Math.min(sb.length(), pos + 1 + r.nextInt(8)));
        default -> sb.setLength(pos);
      }
    }
    String input = sb.toString();
    Validated<AwsCliCommand> v = FuzzSupport.withinLimit(() -> AwsCliCommandParser.parse(input));
    for (var d : v.errors()) {
      assertThat(d.message()).as(input).isNotBlank();
      assertThat(d.id()).startsWith("Command.");
    }
  }
}
