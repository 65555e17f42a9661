package dev.ddbmodel.adapter.mcp;

/** A tool argument is missing or has the wrong type; becomes an {@code isError} result. */
public final class ToolArgumentException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ToolArgumentException(String message) {
    super(message);
  }
}
