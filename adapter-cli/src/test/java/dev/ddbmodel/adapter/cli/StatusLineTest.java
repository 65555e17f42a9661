package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StatusLineTest {
  @Test
  void drawsOneSelfOverwritingLineAndErasesIt() {
    StringWriter w = new StringWriter();
    try (StatusLine s = new StatusLine(new PrintWriter(w), true, "1/5 validating ... ")) {
      s.update(0, 3, "create table Users");
      s.update(2, 3, "pattern 7: " + "x".repeat(200));
    }
    String out = w.toString();
    assertThat(out).startsWith("\r\033[K1/5 validating ... [1/3] create table Users\r\033[K1/5 validating ... [3/3] pattern 7: xxx")
        .endsWith("…\r\033[K1/5 validating ... ");
    assertThat(out.split("\r")[2]).hasSizeLessThan(130);
  }

  @Test
  void silentWhenNotATerminal() {
    StringWriter w = new StringWriter();
    try (StatusLine s = new StatusLine(new PrintWriter(w), false, "")) {
      s.update(0, 1, "pattern 1");
    }
    assertThat(w.toString()).isEmpty();
  }
}
