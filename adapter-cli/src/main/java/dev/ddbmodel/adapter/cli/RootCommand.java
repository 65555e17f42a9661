package dev.ddbmodel.adapter.cli;

import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine.Command;

/** {@code ddbm}: design, check, cost and implement DynamoDB data models. */
@Command(
    name = "ddbm",
    mixinStandardHelpOptions = true,
    scope = picocli.CommandLine.ScopeType.INHERIT,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "Design, check, cost and implement Amazon DynamoDB data models.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (warnings allowed)",
      "1:input invalid or a check failed",
      "2:usage error or unreadable input",
      "3:environment error (database, DynamoDB Local, disk)",
      "4:internal error"
    })
public final class RootCommand implements Runnable {
  /**
   * The subcommands, in help order. Registered by {@link CliMain} rather than in the annotation,
   * so a run builds (reflects over, loads) only the command it executes.
   */
  static final java.util.List<String> SUBCOMMANDS = java.util.List.of("demo", "local", "guide", "analyze", "schema", "model", "cost",
      "generate", "mcp", "generate-completion");

  /**
   * The class of a subcommand, or null. A switch rather than a table of class literals: a branch's
   * class is loaded only when that branch runs.
   */
  static Class<?> subcommand(String name) {
    switch (name) {
      case "demo": return DemoCommand.class;
      case "local": return LocalCommand.class;
      case "guide": return GuideCommand.class;
      case "analyze": return AnalyzeCommand.class;
      case "schema": return SchemaCommand.class;
      case "model": return ModelCommand.class;
      case "cost": return CostCommand.class;
      case "generate": return GenerateCommand.class;
      case "mcp": return McpCommand.class;
      case "generate-completion": return GenerateCompletion.class;
      default: return null;
    }
  }

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Read by {@link Failures} from the parse result, on whichever level it was given. */
  @picocli.CommandLine.Option(names = Failures.VERBOSE, scope = picocli.CommandLine.ScopeType.INHERIT, description = "Print the stack trace of a failure (for bug reports).")
  boolean verbose;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
