package dev.ddbmodel.validation.workbench;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one way Workbench import/export and the model view write files: refuse to replace a file
 * unless asked to, then write each file atomically. Kept in one place so it can move to the
 * project's shared output mechanism in one edit.
 */
public final class OutputFiles {
  private OutputFiles() {}

  /**
   * The files that already exist and may not be replaced, as {@code USAGE} diagnostics; empty when
   * every target is free or {@code overwrite} is set.
   */
  public static List<Diagnostic> refusals(List<Path> targets, boolean overwrite, String hint) {
    List<Diagnostic> out = new ArrayList<>();
    if (overwrite) {
      return out;
    }
    for (Path t : targets) {
      if (Files.exists(t)) {
        out.add(Diagnostic.usage("Output.Exists", "`" + t + "` already exists", SourceLocation.NONE, hint));
      }
    }
    return out;
  }

  /**
   * Writes every file (path to UTF-8 text) atomically, in the given order, unless one exists and
   * {@code overwrite} is not set. Returns the problems: {@code USAGE} refusals (nothing written) or
   * an {@code ENVIRONMENT} failure (files before the failing one are written); empty on success.
   */
  public static List<Diagnostic> write(Map<Path, String> files, boolean overwrite, String hint) {
    List<Diagnostic> refused = refusals(List.copyOf(files.keySet()), overwrite, hint);
    if (!refused.isEmpty()) {
      return refused;
    }
    for (Map.Entry<Path, String> e : files.entrySet()) {
      try {
        AtomicFiles.writeString(e.getKey(), e.getValue());
      } catch (IOException ex) {
        return List.of(Diagnostic.environment("Output.WriteFailed", "cannot write `" + e.getKey() + "`: " + ex.getMessage(),
            SourceLocation.NONE, "check that the folder exists, is writable and has free space"));
      }
    }
    return List.of();
  }
}
