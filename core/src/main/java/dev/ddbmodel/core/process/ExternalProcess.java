package dev.ddbmodel.core.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program to the end with a time limit that is enforced: stdout and stderr are
 * drained concurrently (a program filling one pipe while the other is read cannot deadlock), and
 * a program still running at the limit is stopped with all its descendants.
 */
public final class ExternalProcess {
  /** How long the drains may go on after the process ended (a leftover grandchild may hold a pipe). */
  private static final long DRAIN_GRACE_MS = 5_000;

  private ExternalProcess() {}

  /** Runs {@code pb} with no input. */
  public static ProcessResult run(ProcessBuilder pb, Duration limit) throws IOException, InterruptedException {
    return run(pb, new byte[0], limit);
  }

  /**
   * Runs {@code pb}, writes {@code stdin} to it and closes its input, and waits at most
   * {@code limit}. Streams redirected in {@code pb} (to a file, inherited, merged) are left so.
   */
  public static ProcessResult run(ProcessBuilder pb, byte[] stdin, Duration limit) throws IOException, InterruptedException {
    Process p = pb.start();
    Drain out = new Drain(p.getInputStream(), "stdout");
    Drain err = new Drain(p.getErrorStream(), "stderr");
    Thread feeder = daemon(() -> {
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin);
      } catch (IOException e) {
        // the program closed its input early: what it did with the rest shows in its output
      }
    }, "stdin");
    boolean finished;
    try {
      finished = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      if (p.isAlive()) {
        stop(p);
      }
    }
    feeder.join(DRAIN_GRACE_MS);
    return new ProcessResult(String.join(" ", pb.command()), finished ? p.exitValue() : -1, out.text(), err.text(), !finished, limit);
  }

  /** Stops {@code p} and every process it started. */
  static void stop(Process p) throws InterruptedException {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    p.waitFor(DRAIN_GRACE_MS, TimeUnit.MILLISECONDS);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, "process-" + name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** Reads one stream to its end on its own thread. */
  private static final class Drain {
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final Thread thread;

    Drain(InputStream in, String name) {
      thread = daemon(() -> {
        try (in) {
          byte[] b = new byte[8192];
          for (int n; (n = in.read(b)) >= 0; ) {
            synchronized (buf) {
              buf.write(b, 0, n);
            }
          }
        } catch (IOException e) {
          // the stream was closed when the process was stopped: keep what was read
        }
      }, name);
    }

    String text() throws InterruptedException {
      thread.join(DRAIN_GRACE_MS);
      synchronized (buf) {
        return buf.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
