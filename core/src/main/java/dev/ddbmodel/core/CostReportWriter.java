package dev.ddbmodel.core;

import dev.ddbmodel.core.io.Outputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the cost report into {@code dynamodb_data_model.md} between dedicated markers: an earlier
 * block of ours is replaced, a block written by the reference calculator (a {@code ## Cost Report}
 * heading up to its end marker, with no other level-1 or level-2 heading between) is upgraded,
 * and otherwise the block is appended. User text outside the block is never touched.
 */
public final class CostReportWriter {
  private static final Pattern LEGACY =
      Pattern.compile("(?m)^## Cost Report\\R((?:(?!^#{1,2} ).*\\R)*?)" + Pattern.quote(CostReport.END_MARKER));

  private CostReportWriter() {}

  /** Returns the new file content for {@code existing} (null when the file does not exist). */
  public static String merge(String existing, String reportMarkdown) {
    String block = CostReport.BEGIN_MARKER + "\n" + reportMarkdown;
    if (!block.endsWith(CostReport.END_MARKER)) {
      block = block + "\n" + CostReport.END_MARKER;
    }
    if (existing == null || existing.isEmpty()) {
      return block + "\n";
    }
    int begin = existing.indexOf(CostReport.BEGIN_MARKER);
    if (begin >= 0) {
      int end = existing.indexOf(CostReport.END_MARKER, begin);
      if (end >= 0) {
        return existing.substring(0, begin) + block + existing.substring(end + CostReport.END_MARKER.length());
      }
    }
    Matcher m = LEGACY.matcher(existing);
    if (m.find()) {
      return existing.substring(0, m.start()) + block + existing.substring(m.end());
    }
    String sep = existing.endsWith("\n\n") ? "" : existing.endsWith("\n") ? "\n" : "\n\n";
    return existing + sep + block + "\n";
  }

  /**
   * Writes the report into the file atomically (through {@link Outputs}): the user's text outside
   * the block stays byte for byte; a failure is an {@code Output.WriteFailed} diagnostic and leaves
   * the old file.
   */
  public static Validated<Path> write(Path dataModelMd, String reportMarkdown) {
    String existing;
    try {
      existing = Files.exists(dataModelMd) ? Files.readString(dataModelMd, StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      return Validated.invalid(Diagnostic.environment("Output.WriteFailed", "cannot read `" + dataModelMd + "` to put the cost report into it: "
          + e.getMessage(), SourceLocation.NONE, "check that the file is readable UTF-8 text"));
    }
    // the file is the user's: only the block between the markers changes, so replacing it is allowed
    return Outputs.standard().writeTextFile(dataModelMd, merge(existing, reportMarkdown), true, c -> true, "");
  }

  /** {@link #write}, throwing when the file cannot be written. */
  public static void writeInto(Path dataModelMd, String reportMarkdown) throws IOException {
    Validated<Path> r = write(dataModelMd, reportMarkdown);
    if (!r.isValid()) {
      throw new IOException(r.errors().get(0).message());
    }
  }
}
