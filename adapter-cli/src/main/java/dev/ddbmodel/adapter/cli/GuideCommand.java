package dev.ddbmodel.adapter.cli;

import dev.ddbmodel.core.Guide;
import dev.ddbmodel.core.Guides;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddbm guide [NAME]}: print a guide, or list them. */
@Command(name = "guide", description = "Print a modeling guide (the texts the MCP server gives assistants), or list them.")
final class GuideCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..1", description = "Guide id; omit to list.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (name == null) {
      for (Guide g : Guides.all()) {
        out.printf("%-18s %s%n", g.id(), g.description());
      }
      return ExitCodes.OK;
    }
    Optional<Guide> g = Guides.load(name);
    if (g.isEmpty()) {
      spec.commandLine().getErr().println("ddbm guide: no guide `" + name + "`; "
          + dev.ddbmodel.core.Suggestions.hint(name, Guides.all().stream().map(Guide::id).toList()));
      return ExitCodes.USAGE;
    }
    out.print(g.get().text());
    return ExitCodes.OK;
  }
}
