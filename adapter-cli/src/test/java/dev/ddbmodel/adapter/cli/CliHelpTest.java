package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command, at every depth, answers --help with its usage and exit 0, and --version works everywhere. */
class CliHelpTest {
  static void collect(CommandLine c, List<String> path, List<List<String>> out) {
    out.add(path);
    c.getSubcommands().forEach((name, sub) -> {
      if (sub.getCommandName().equals(name)) { // skip alias entries
        List<String> p = new ArrayList<>(path);
        p.add(name);
        collect(sub, p, out);
      }
    });
  }

  @Test
  void helpOnEveryCommand() {
    List<List<String>> commands = new ArrayList<>();
    collect(CliMain.commandLine(), List.of(), commands);
    assertThat(commands).hasSizeGreaterThan(14);
    for (List<String> c : commands) {
      List<String> args = new ArrayList<>(c);
      args.add("--help");
      CliTestSupport.Run r = CliTestSupport.run(args.toArray(String[]::new));
      assertThat(r.exit()).as("%s --help: %s", c, r.err()).isZero();
      assertThat(r.out()).as("%s", c).startsWith("Usage: ddbm" + (c.isEmpty() ? "" : " " + String.join(" ", c)));
      assertThat(r.out().lines().filter(l -> l.length() > 80)).as("%s: lines fit 80 columns", c).isEmpty();
    }
    assertThat(CliTestSupport.run("schema", "validate", "-V").out()).containsPattern("\\d+\\.\\d+");
  }

  @Test
  void costHelpPointsAtTheCostInputReference() {
    CliTestSupport.Run help = CliTestSupport.run("cost", "--help");
    assertThat(help.out()).contains("ddbm guide cost-input").doesNotContain("MCP tool");
    assertThat(CliTestSupport.run("guide", "cost-input").out()).contains("item_count").contains("gsi_list");
  }

  @Test
  void subcommandNamesMatchTheirAnnotations() {
    for (String name : RootCommand.SUBCOMMANDS) {
      assertThat(RootCommand.subcommand(name).getAnnotation(CommandLine.Command.class).name()).isEqualTo(name);
    }
    assertThat(CliMain.commandLine(new String[] {"schema", "validate", "x"}).getSubcommands().keySet()).containsExactly("schema");
    assertThat(CliMain.commandLine(new String[] {"--verbose", "schema"}).getSubcommands().keySet()).containsExactly("schema");
    assertThat(CliMain.commandLine(new String[] {"nosuch"}).getSubcommands().keySet()).containsAll(RootCommand.SUBCOMMANDS);
    assertThat(CliTestSupport.run("generate-completion").out()).as("completion covers every command").contains("schema", "model", "generate", "analyze");
  }

  @Test
  void jsonSchemaOfSchemaJson() throws Exception {
    CliTestSupport.Run r = CliTestSupport.run("schema", "json-schema");
    assertThat(r.exit()).isZero();
    var node = dev.ddbmodel.core.json.Json.parseTrusted(r.out());
    assertThat(node.path("$schema").asText()).contains("2020-12");
    assertThat(r.out()).isEqualTo(dev.ddbmodel.schema.internal.rules.SchemaJsonSchema.text());
  }
}
