package dev.ddbmodel.examples.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.testing.Seeds;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommand;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommandParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code aws dynamodb} command parser: parsed or refused with a {@code Command.*} diagnostic, never
 * an exception; a command that a shell would run as more than one plain command, or that picks its
 * own endpoint or credentials, is always refused. Fuzzed with {@code bench/fuzz command};
 * regression inputs in {@code CommandParserFuzzTestInputs/awsCommand}.
 */
class CommandParserFuzzTest {
  static final List<String> SEEDS = new ArrayList<>();
  static final String[] INSERTS = {"|", "&&", ";", "`id`", "$(id)", "$HOME", "'", "\"", "\\", " --endpoint-url http://x", " --profile p",
      " --no-", "--", "{", "}", "\n", " --limit -1", " --select X", "\u0000", "=", " --key", "'{\"a\":{\"S\":1}}'"};
  /** Global options the validation run decides itself. */
  static final Set<String> REFUSED = Set.of("endpoint-url", "profile", "debug", "no-verify-ssl", "no-sign-request", "ca-bundle",
      "cli-input-json", "cli-input-yaml", "generate-cli-skeleton", "query");

  @BeforeAll
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

  @FuzzTest
  void awsCommand(byte[] data) {
    check(new String(data, StandardCharsets.UTF_8));
  }

  /** The oracle: only {@code Command.*} findings; shell constructs and refused options never pass. */
  static void check(String input) {
    Validated<AwsCliCommand> v = AwsCliCommandParser.parse(input);
    for (Diagnostic d : v.errors()) {
      assertThat(d.message()).as(input).isNotBlank();
      assertThat(d.id()).as(input).startsWith("Command.");
    }
    if (v.isValid()) {
      assertThat(shellConstruct(input)).as("accepted a command a shell would not run as one plain command: %s", input).isNull();
      assertThat(v.unwrap().flags().keySet()).as("accepted a refused option: %s", input).doesNotContainAnyElementsOf(REFUSED);
    }
  }

  /**
   * The first character a POSIX shell would treat as more than a plain word (an operator, a
   * substitution, an expansion, an unescaped line break), or null: written independently of the
   * parser's tokenizer so the two check each other.
   */
  static String shellConstruct(String s) {
    boolean dq = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!dq && c == '\'') {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) {
          return "unterminated '";
        }
        i = end;
      } else if (c == '\\') {
        i++;
      } else if (c == '"') {
        dq = !dq;
      } else if (c == '`' || c == '$') {
        return String.valueOf(c);
      } else if (!dq && "|&;<>\n".indexOf(c) >= 0) {
        return String.valueOf(c);
      }
    }
    return null;
  }

  static Stream<Long> seeds300() {
    return Seeds.of("command", 300);
  }

  @ParameterizedTest(name = Seeds.NAME)
  @MethodSource("seeds300")
  void mutatedCommands(long seed) {
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
    check(sb.toString());
  }

  /** An injection and the finding that must refuse it. */
  record Injection(String text, String id) {}

  static final List<Injection> INJECTIONS = List.of(
      new Injection("| sh", "Command.Shell"), new Injection("; rm -rf ~", "Command.Shell"), new Injection("&& curl http://x", "Command.Shell"),
      new Injection("> /tmp/out", "Command.Shell"), new Injection("`id`", "Command.Shell"), new Injection("$(id)", "Command.Shell"),
      new Injection("|", "Command.Shell"), new Injection(";", "Command.Shell"),
      new Injection("--endpoint-url http://attacker.example", "Command.RefusedOption"),
      new Injection("--endpoint-url=http://attacker.example", "Command.RefusedOption"),
      new Injection("--profile admin", "Command.RefusedOption"), new Injection("--no-verify-ssl", "Command.RefusedOption"));

  /** Every injection, at a random word boundary (outside quotes) of a random example command. */
  @ParameterizedTest(name = Seeds.NAME)
  @MethodSource("seeds300")
  void injectedOperatorsAndEndpointsAreRefused(long seed) {
    Random r = new Random(seed);
    String command = SEEDS.get(r.nextInt(SEEDS.size()));
    List<Integer> boundaries = boundaries(command);
    int word = r.nextInt(boundaries.size());
    Injection inj = INJECTIONS.get(r.nextInt(INJECTIONS.size()));
    String input = command.substring(0, boundaries.get(word)) + " " + inj.text() + " " + command.substring(boundaries.get(word));
    Validated<AwsCliCommand> v = AwsCliCommandParser.parse(input);
    assertThat(v.isValid()).as("seed %d accepted: %s", seed, input).isFalse();
    // an option before the subcommand breaks the required `aws dynamodb <subcommand>` start
    List<String> ids = v.errors().stream().map(Diagnostic::id).toList();
    boolean startRefused = word < 2 && (ids.contains("Command.NotDynamoDb") || ids.contains("Command.MissingSubcommand"));
    assertThat(ids.contains(inj.id()) || startRefused).as("seed %d: %s gave %s", seed, input, ids).isTrue();
  }

  /** The seeds themselves parse, and every injection is refused at the end of every seed. */
  @Test
  void seedsParseAndEveryInjectionIsRefusedAtTheEnd() {
    assertThat(SEEDS).hasSizeGreaterThan(20);
    for (String s : SEEDS) {
      assertThat(AwsCliCommandParser.parse(s).errors()).as(s).isEmpty();
      for (Injection inj : INJECTIONS) {
        assertThat(AwsCliCommandParser.parse(s + " " + inj.text()).errors()).extracting(Diagnostic::id).as(s + " " + inj.text())
            .contains(inj.id());
      }
    }
  }

  /** Offsets of the spaces between words (not inside quotes). */
  static List<Integer> boundaries(String s) {
    List<Integer> out = new ArrayList<>();
    char q = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (q != 0) {
        q = c == q ? 0 : q;
      } else if (c == '\'' || c == '"') {
        q = c;
      } else if (c == ' ') {
        out.add(i);
      }
    }
    out.add(s.length());
    return out;
  }
}
