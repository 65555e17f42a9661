package dev.ddbmodel.adapter.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json}, shared by commands that print results. */
public final class OutputOptions {
  /** Output formats. */
  public enum Format {
    text,
    json
  }

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  public boolean json() {
    return format == Format.json;
  }
}
