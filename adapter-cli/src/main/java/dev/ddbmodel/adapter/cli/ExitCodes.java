package dev.ddbmodel.adapter.cli;

/** Process exit codes of {@code ddbm}. */
public final class ExitCodes {
  /** Success (warnings allowed). */
  public static final int OK = 0;

  /** The input is invalid or a check failed (schema errors, failing access patterns). */
  public static final int INVALID = 1;

  /** Wrong command line or unreadable input file. */
  public static final int USAGE = 2;

  /** The environment failed: database unreachable, DynamoDB Local did not start, disk full. */
  public static final int ENVIRONMENT = 3;

  /** A bug in ddbm; {@code --verbose} prints the stack trace on stderr. */
  public static final int INTERNAL = 4;

  private ExitCodes() {}
}
