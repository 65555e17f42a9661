package dev.ddbmodel.core.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One-line, human wording of I/O and network failures. The JDK's messages are often just a path
 * ({@link NoSuchFileException}) or a bare host name ({@link UnknownHostException}), which say
 * nothing on their own.
 */
public final class IoMessages {
  /** Longest line returned by {@link #cause}. */
  public static final int MAX_LENGTH = 400;

  private IoMessages() {}

  /** One exception (not its causes) in words. */
  public static String describe(Throwable e) {
    if (e instanceof UncheckedIOException u && u.getCause() != null && sameMessage(u, u.getCause())) {
      return describe(u.getCause());
    }
    String m = e.getMessage() == null ? "" : e.getMessage().strip();
    if (e instanceof FileSystemException f) {
      String file = f.getFile() == null ? "" : "`" + f.getFile() + "`";
      String other = f.getOtherFile() == null ? "" : " (and `" + f.getOtherFile() + "`)";
      String what;
      if (f instanceof NoSuchFileException) {
        what = "does not exist";
      } else if (f instanceof AccessDeniedException) {
        what = "permission denied";
      } else if (f instanceof FileAlreadyExistsException) {
        what = f.getFile() != null && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(f.getFile()))
            ? "already exists as a file" : "already exists";
      } else if (f instanceof NotDirectoryException) {
        what = "is not a folder";
      } else if (f instanceof DirectoryNotEmptyException) {
        what = "is a folder that is not empty";
      } else {
        what = f.getReason() == null ? "cannot be used" : f.getReason().toLowerCase(Locale.ROOT);
      }
      return (file + other + " " + what).strip();
    }
    if (e instanceof UnknownHostException) {
      return "unknown host `" + m + "` (the name does not resolve)";
    }
    if (e instanceof java.nio.channels.UnresolvedAddressException) {
      return "the address does not resolve";
    }
    if (e instanceof BindException) {
      return "cannot listen on the address: " + lowerFirst(m);
    }
    if (e instanceof ConnectException || e instanceof NoRouteToHostException || e instanceof SocketTimeoutException) {
      return lowerFirst(m.isEmpty() ? e.getClass().getSimpleName() : m);
    }
    return m.isEmpty() ? e.getClass().getSimpleName() : m;
  }

  /**
   * The whole cause chain on one line: each exception's wording, outermost first, leaving out
   * messages already contained in the line (wrappers often repeat their cause), cut at
   * {@link #MAX_LENGTH} characters.
   */
  public static String cause(Throwable e) {
    List<String> parts = new ArrayList<>();
    String line = "";
    for (Throwable t = e; t != null && parts.size() < 8; t = t.getCause() == t ? null : t.getCause()) {
      String d = oneLine(describe(t));
      if (d.isEmpty() || line.toLowerCase(Locale.ROOT).contains(d.toLowerCase(Locale.ROOT))) {
        continue;
      }
      parts.add(d);
      line = String.join(": ", parts);
    }
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 1) + "…";
  }

  /** True when an I/O or network failure is anywhere in the cause chain. */
  public static boolean isIo(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException || t instanceof UncheckedIOException) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameMessage(Throwable a, Throwable b) {
    return String.valueOf(a.getMessage()).equals(String.valueOf(b.getMessage()))
        || String.valueOf(a.getMessage()).equals(b.toString());
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
