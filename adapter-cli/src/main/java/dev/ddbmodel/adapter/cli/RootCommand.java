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
    },
    subcommands = {DemoCommand.class, LocalCommand.class, GuideCommand.class, AnalyzeCommand.class, SchemaCommand.class, ModelCommand.class, CostCommand.class, GenerateCommand.class, McpCommand.class, GenerateCompletion.class})
public final class RootCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Read by {@link Failures} from the parse result, on whichever level it was given. */
  @picocli.CommandLine.Option(names = Failures.VERBOSE, scope = picocli.CommandLine.ScopeType.INHERIT, description = "Print the stack trace of a failure (for bug reports).")
  boolean verbose;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
