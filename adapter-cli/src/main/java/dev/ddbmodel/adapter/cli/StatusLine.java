package dev.ddbmodel.adapter.cli;

import dev.ddbmodel.core.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Renders {@link Progress} as one self-overwriting line on standard error, only when a person
 * is watching (a terminal); in pipes, CI logs and MCP nothing is drawn.
 */
final class StatusLine implements Progress, AutoCloseable {
  private static final int WIDTH = 100;
  private final PrintWriter err;
  private final boolean enabled;
  private final String prefix;
  private boolean drawn;

  /**
   * @param prefix text already printed on the current line (it is redrawn with each update and
   *     restored at the end, so the caller can finish the line)
   */
  StatusLine(PrintWriter err, boolean enabled, String prefix) {
    this.err = err;
    this.enabled = enabled;
    this.prefix = prefix;
  }

  /** Enabled when standard input and output are a terminal and TERM is not dumb. */
  static StatusLine forTerminal(PrintWriter err) {
    return forTerminal(err, "");
  }

  /** As {@link #forTerminal(PrintWriter)}, continuing a line that starts with {@code prefix}. */
  static StatusLine forTerminal(PrintWriter err, String prefix) {
    String term = System.getenv("TERM");
    return new StatusLine(err, System.console() != null && !"dumb".equals(term), prefix);
  }

  @Override
  public void update(int done, int total, String step) {
    if (!enabled) {
      return;
    }
    String text = String.format(Locale.ROOT, "[%d/%d] %s", Math.min(done + 1, total), total, step);
    if (text.length() > WIDTH) {
      text = text.substring(0, WIDTH - 1) + "…";
    }
    err.print("\r\033[K" + prefix + text);
    err.flush();
    drawn = true;
  }

  /** Erases the line so the result starts on a clean line. */
  @Override
  public void close() {
    if (drawn) {
      err.print("\r\033[K" + prefix);
      err.flush();
      drawn = false;
    }
  }
}
