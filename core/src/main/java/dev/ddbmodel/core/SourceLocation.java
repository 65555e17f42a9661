package dev.ddbmodel.core;

import java.util.Objects;

/**
 * Where a diagnostic points: a file, an RFC 6901 JSON Pointer inside it and, where known, a
 * 1-based line and column (0 when unknown).
 */
public record SourceLocation(String file, String pointer, int line, int column) {

  /** No location at all. */
  public static final SourceLocation NONE = new SourceLocation("", "", 0, 0);

  public SourceLocation {
    file = Objects.requireNonNullElse(file, "");
    pointer = Objects.requireNonNullElse(pointer, "");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0");
    }
  }

  /** A location with a pointer but no line information. */
  public static SourceLocation of(String file, String pointer) {
    return new SourceLocation(file, pointer, 0, 0);
  }

  /** The same location with another pointer (line and column reset). */
  public SourceLocation withPointer(String newPointer) {
    return new SourceLocation(file, newPointer, 0, 0);
  }

  /** {@code file:line:col}, {@code file} or empty, for human-readable output. */
  public String fileAndPosition() {
    if (file.isEmpty()) {
      return line > 0 ? line + ":" + column : "";
    }
    return line > 0 ? file + ":" + line + ":" + column : file;
  }

  @Override
  public String toString() {
    String pos = fileAndPosition();
    if (pointer.isEmpty()) {
      return pos;
    }
    return pos.isEmpty() ? pointer : pos + " " + pointer;
  }
}
