package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Guide;
import dev.ddbmodel.core.Guides;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code ddbm ...} command a guide names exists, with every option it shows: a guide that
 * sends an assistant to a command that is not there costs a round (the model guide once named a
 * {@code ddbm model json-schema} that never existed).
 */
class GuideCommandsTest {
  /** A command in backticks, or a code line, starting with ddbm. */
  static final Pattern COMMAND = Pattern.compile("(?m)(?:`(ddbm [^`]+)`|^(ddbm .+)$)");

  @Test
  void everyCommandAndOptionTheGuidesNameExists() {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (Guide g : Guides.all()) {
      // a backticked command may wrap over a line break in the markdown
      Matcher m = COMMAND.matcher(g.text().replaceAll("`ddbm ([^`\\n]*)\\n\\s*", "`ddbm $1 "));
      while (m.find()) {
        String cmd = m.group(1) != null ? m.group(1) : m.group(2);
        String[] words = cmd.trim().split("\\s+");
        CommandLine c = CliMain.commandLine();
        int i = 1;
        while (i < words.length && c.getSubcommands().containsKey(words[i])) {
          c = c.getSubcommands().get(words[i]);
          i++;
        }
        if (i == 1) {
          wrong.add(g.id() + ": `" + cmd + "` names no ddbm command");
          continue;
        }
        if (i < words.length && !words[i].startsWith("-") && !c.getSubcommands().isEmpty() && c.getCommandSpec().positionalParameters().isEmpty()) {
          wrong.add(g.id() + ": `" + cmd + "`: `" + c.getCommandSpec().qualifiedName() + "` has no subcommand " + words[i]);
          continue;
        }
        for (; i < words.length; i++) {
          String w = words[i];
          if (w.startsWith("--")) {
            String opt = w.contains("=") ? w.substring(0, w.indexOf('=')) : w;
            if (c.getCommandSpec().findOption(opt) == null) {
              wrong.add(g.id() + ": `" + cmd + "`: `" + String.join(" ", c.getCommandSpec().qualifiedName()) + "` has no option " + opt);
            }
          }
        }
        checked++;
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(checked).isGreaterThanOrEqualTo(10);
  }
}
