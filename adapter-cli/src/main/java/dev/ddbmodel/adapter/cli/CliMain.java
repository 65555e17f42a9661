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
    int code = execute(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line with the given writers; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    try {
      return cl.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new RootCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    Failures failures = new Failures();
    cl.setExecutionExceptionHandler(failures);
    cl.setExitCodeExceptionMapper(failures);
    return cl;
  }
}
