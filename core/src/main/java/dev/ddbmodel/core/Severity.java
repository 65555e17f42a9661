package dev.ddbmodel.core;

/** How serious a {@link Diagnostic} is. Only {@link #ERROR} makes a result invalid. */
public enum Severity {
  ERROR,
  WARNING,
  NOTE;

  /** The lower-case name used in JSON output ({@code error}, {@code warning}, {@code note}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
