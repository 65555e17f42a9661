package dev.ddbmodel.adapter.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The {@code ddbm} entry point: the only place that calls {@code System.exit}. */
public final class CliMain {
  private CliMain() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code;
    try {
      code = execute(args, out, err);
    } catch (Throwable t) { // an Error (e.g. a class missing from a broken jar) still ends the JVM: threads a command started must not keep it alive
      err.println("ddbm: internal error: " + t + " (a bug in ddbm; run again with " + Failures.VERBOSE + " for the stack trace and report it)");
      if (java.util.Arrays.asList(args).contains(Failures.VERBOSE)) {
        t.printStackTrace(err);
      }
      code = ExitCodes.INTERNAL;
    }
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line with the given writers; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine(args);
    cl.setOut(out);
    cl.setErr(err);
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** The whole command tree (help, completion, tests). */
  static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command tree a run of {@code args} needs: when the first word names a subcommand, only
   * that one is built (except for {@code generate-completion}; picocli reflects over every registered command up front, which dominates a
   * short run); otherwise every subcommand, for help and error messages.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new RootCommand());
    String first = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
    // completion describes the whole tree
    if (RootCommand.subcommand(first) != null && !first.equals("generate-completion")) {
      cl.addSubcommand(RootCommand.subcommand(first));
    } else {
      for (String name : RootCommand.SUBCOMMANDS) {
        cl.addSubcommand(RootCommand.subcommand(name));
      }
    }
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    Failures failures = new Failures();
    cl.setExecutionExceptionHandler(failures);
    cl.setExitCodeExceptionMapper(failures);
    return cl;
  }
}
