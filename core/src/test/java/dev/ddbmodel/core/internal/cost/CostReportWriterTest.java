package dev.ddbmodel.core.internal.cost;

import dev.ddbmodel.core.CostReport;
import dev.ddbmodel.core.CostReportWriter;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16: the cost report stays between its markers in the user's dynamodb_data_model.md. */
class CostReportWriterTest {
  @TempDir Path tmp;

  @Test
  void theUsersTextAroundTheBlockSurvivesByteForByteAcrossRuns() throws Exception {
    Path md = tmp.resolve("dynamodb_data_model.md");
    String head = "# My design\r\n\r\nNotes with ümlauts and a trailing space \n\n";
    Files.writeString(md, head, StandardCharsets.UTF_8);
    assertThat(CostReportWriter.write(md, "## Cost Report\n\nfirst\n\n" + CostReport.END_MARKER).isValid()).isTrue();
    String tail = "\n## Decisions (mine)\n\nkeep me\n";
    Files.writeString(md, Files.readString(md) + tail);
    assertThat(CostReportWriter.write(md, "## Cost Report\n\nsecond\n\n" + CostReport.END_MARKER).isValid()).isTrue();
    String now = Files.readString(md);
    assertThat(now).startsWith(head).endsWith(tail).contains("second").doesNotContain("first");
    String between = now.substring(head.length(), now.length() - tail.length());
    assertThat(between).startsWith(CostReport.BEGIN_MARKER).contains(CostReport.END_MARKER);
    assertThat(between.substring(between.indexOf(CostReport.END_MARKER) + CostReport.END_MARKER.length())).isIn("", "\n");
  }

  @Test
  void aFolderInTheWayIsAWriteFailureNotAnException() throws Exception {
    Path md = Files.createDirectories(tmp.resolve("dynamodb_data_model.md"));
    var r = CostReportWriter.write(md, "## Cost Report\n\nx\n\n" + CostReport.END_MARKER);
    assertThat(r.isValid()).isFalse();
    assertThat(md).isDirectory();
  }
}
