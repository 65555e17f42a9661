package dev.ddbmodel.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Identifier casing under {@link Locale#ROOT}: snake_case, camelCase, PascalCase. */
public final class Names {
  private Names() {}

  /** Splits {@code userId}, {@code user_id}, {@code User-ID}, {@code HTTPServer} into words. */
  public static List<String> words(String name) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int n = name.length();
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(cur, out);
        continue;
      }
      if (Character.isUpperCase(c) && cur.length() > 0) {
        char prev = name.charAt(i - 1);
        boolean nextLower = i + 1 < n && Character.isLowerCase(name.charAt(i + 1));
        if (Character.isLowerCase(prev) || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          flush(cur, out);
        }
      }
      cur.append(c);
    }
    flush(cur, out);
    return out;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }

  public static String snake(String name) {
    return String.join("_", words(name)).toLowerCase(Locale.ROOT);
  }

  public static String upperSnake(String name) {
    return String.join("_", words(name)).toUpperCase(Locale.ROOT);
  }

  public static String pascal(String name) {
    StringBuilder sb = new StringBuilder();
    for (String w : words(name)) {
      sb.append(w.substring(0, 1).toUpperCase(Locale.ROOT))
          .append(w.substring(1).toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }

  public static String camel(String name) {
    String p = pascal(name);
    return p.isEmpty() ? p : p.substring(0, 1).toLowerCase(Locale.ROOT) + p.substring(1);
  }

  /** Like {@link #pascal} but keeps the original capitals inside words ({@code OrderID}). */
  public static String pascalPreserving(String name) {
    StringBuilder sb = new StringBuilder();
    for (String w : words(name)) {
      sb.append(w.substring(0, 1).toUpperCase(Locale.ROOT)).append(w.substring(1));
    }
    return sb.toString();
  }
}
