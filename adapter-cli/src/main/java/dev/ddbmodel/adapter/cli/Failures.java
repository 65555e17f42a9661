package dev.ddbmodel.adapter.cli;

import dev.ddbmodel.core.DiagnosticException;
import dev.ddbmodel.core.io.IoMessages;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/**
 * What an exception that escapes a command means, for picocli's exit-code mechanism: a
 * {@link DiagnosticException} exits with the kind of its diagnostics (decided where the problem
 * was found), an I/O or network failure anywhere in the cause chain is the environment (exit 3),
 * anything else is a bug (exit 4). The cause is printed as one line on stderr; the stack trace
 * only with {@code --verbose}.
 */
final class Failures implements IExitCodeExceptionMapper, IExecutionExceptionHandler {
  /** The option that asks for stack traces. */
  static final String VERBOSE = "--verbose";

  @Override
  public int getExitCode(Throwable ex) {
    if (ex instanceof DiagnosticException d) {
      return Diagnostics.exitCode(d.diagnostics());
    }
    if (ex instanceof CommandLine.ParameterException) {
      return ExitCodes.USAGE;
    }
    return IoMessages.isIo(ex) ? ExitCodes.ENVIRONMENT : ExitCodes.INTERNAL;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    String who = commandLine.getCommandSpec().qualifiedName(" ");
    int code = getExitCode(ex);
    boolean verbose = verbose(parseResult);
    if (ex instanceof DiagnosticException d) {
      d.diagnostics().forEach(x -> err.println(who + ": " + x.format()));
    } else if (code == ExitCodes.ENVIRONMENT) {
      err.println(who + ": " + IoMessages.cause(ex));
    } else {
      err.println(who + ": internal error: " + IoMessages.cause(ex)
          + (verbose ? "" : " (a bug in ddbm; run again with " + VERBOSE + " for the stack trace and report it)"));
    }
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** True when {@code --verbose} was given on any level of the command line. */
  static boolean verbose(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(VERBOSE)) {
        return true;
      }
    }
    return false;
  }
}
