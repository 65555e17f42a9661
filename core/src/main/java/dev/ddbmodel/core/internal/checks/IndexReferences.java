package dev.ddbmodel.core.internal.checks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secondary indexes an {@code aws dynamodb ...} command reads, as whole names: the value of
 * {@code --index-name} (also {@code --index-name=X}, quoted or not) and the PartiQL form
 * {@code FROM "Table"."Index"} of {@code execute-statement}. An index counts as used only when its
 * name is one of these tokens: {@code GSI1} is not used by a command naming {@code GSI10}.
 */
public final class IndexReferences {
  private IndexReferences() {}

  /** {@code FROM "T"."I"} or {@code FROM T.I} (unquoted names without dots) in a PartiQL statement. */
  private static final Pattern PARTIQL = Pattern.compile(
      "(?i)\\bFROM\\s+(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z0-9_-]+))\\s*\\.\\s*(?:\"((?:[^\"]|\"\")+)\"|([A-Za-z0-9_-]+))");

  /** One reference: the table the command names ({@code null} when it names none) and the index. */
  public record Ref(String table, String index) {}

  /** The index references of one command line. */
  public static Set<Ref> of(String command) {
    List<String> words = words(command);
    String table = null;
    List<String> indexes = new ArrayList<>();
    Set<Ref> out = new LinkedHashSet<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String value = option(words, i, "--table-name");
      if (value != null) {
        table = value;
      }
      value = option(words, i, "--index-name");
      if (value != null) {
        indexes.add(value);
      }
      Matcher m = PARTIQL.matcher(w);
      while (m.find()) {
        String t = m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2);
        String in = m.group(3) != null ? m.group(3).replace("\"\"", "\"") : m.group(4);
        out.add(new Ref(t, in));
      }
    }
    for (String in : indexes) {
      out.add(new Ref(table, in));
    }
    return out;
  }

  /** The value of {@code name} when word {@code i} is {@code name} (value next) or {@code name=value}. */
  private static String option(List<String> words, int i, String name) {
    String w = words.get(i);
    if (w.equals(name)) {
      return i + 1 < words.size() ? words.get(i + 1) : null;
    }
    return w.startsWith(name + "=") ? w.substring(name.length() + 1) : null;
  }

  /**
   * The words of a shell command line: split at unquoted white space; single quotes keep their
   * text as is, double quotes and a backslash outside quotes escape the next character.
   */
  public static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        end = end < 0 ? s.length() : end;
        w.append(s, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '"') {
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '"') {
          if (s.charAt(j) == '\\' && j + 1 < s.length()) {
            j++;
          }
          w.append(s.charAt(j));
          j++;
        }
        i = j;
        inWord = true;
      } else if (c == '\\' && i + 1 < s.length()) {
        w.append(s.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          out.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      out.add(w.toString());
    }
    return out;
  }
}
