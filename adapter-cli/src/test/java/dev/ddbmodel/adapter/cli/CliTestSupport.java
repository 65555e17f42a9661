package dev.ddbmodel.adapter.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code ddbm} in-process and captures its output. */
final class CliTestSupport {
  record Run(int exit, String out, String err) {}

  private CliTestSupport() {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CliMain.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }
}
