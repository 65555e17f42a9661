package dev.ddbmodel.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A key template such as {@code ORDER#{date}#{order_id}} or {@code {score:05d}}: literal text and
 * placeholders naming entity fields, with an optional format spec.
 */
public record KeyTemplate(String text, List<Part> parts) {
  /** A literal piece or a placeholder. */
  public record Part(String literal, String field, String format) {
    public boolean isField() {
      return field != null;
    }
  }

  public KeyTemplate {
    parts = List.copyOf(parts);
  }

  /**
   * Splits at placeholders {@code {name}} and {@code {name:format}}, where the name is one or more
   * of {@code [a-zA-Z_0-9]} and the format has no braces (the regex
   * <code>\{(\w+)(?::([^{}]*))?\}</code>, found left to right); anything else is literal text.
   */
  public static KeyTemplate parse(String text) {
    List<Part> parts = new ArrayList<>(4);
    int n = text.length();
    int last = 0;
    int i = text.indexOf('{');
    while (i >= 0) {
      int j = i + 1;
      while (j < n && isWordChar(text.charAt(j))) {
        j++;
      }
      int end = -1;
      String format = null;
      if (j > i + 1 && j < n) {
        char c = text.charAt(j);
        if (c == '}') {
          end = j + 1;
        } else if (c == ':') {
          int k = j + 1;
          while (k < n && text.charAt(k) != '{' && text.charAt(k) != '}') {
            k++;
          }
          if (k < n && text.charAt(k) == '}') {
            end = k + 1;
            format = text.substring(j + 1, k);
          }
        }
      }
      if (end < 0) {
        i = text.indexOf('{', i + 1);
        continue;
      }
      if (i > last) {
        parts.add(new Part(text.substring(last, i), null, null));
      }
      parts.add(new Part(null, text.substring(i + 1, j), format));
      last = end;
      i = text.indexOf('{', end);
    }
    if (last < n) {
      parts.add(new Part(text.substring(last), null, null));
    }
    return new KeyTemplate(text, parts);
  }

  /**
   * The text inside each {@code {...}} that has no brace inside, left to right (what the regex
   * <code>\{([^{}]*)\}</code> finds as group 1): the candidates validation checks as
   * placeholders, including malformed ones such as {@code {}} or {@code {a-b}} that {@link #parse}
   * leaves as literal text.
   */
  public static List<String> placeholderBodies(String t) {
    List<String> out = new ArrayList<>(4);
    int i = t.indexOf('{');
    while (i >= 0) {
      int j = i + 1;
      while (j < t.length() && t.charAt(j) != '{' && t.charAt(j) != '}') {
        j++;
      }
      if (j == t.length()) {
        break;
      }
      if (t.charAt(j) == '{') {
        i = j;
        continue;
      }
      out.add(t.substring(i + 1, j));
      i = t.indexOf('{', j + 1);
    }
    return out;
  }

  /** Whether {@code s} can be a placeholder's field name: one or more of {@code [a-zA-Z_0-9]} (the regex <code>\w+</code>). */
  public static boolean isFieldName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isWordChar(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWordChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
  }

  /** Field names in order of appearance, without duplicates. */
  public List<String> fieldNames() {
    LinkedHashSet<String> s = new LinkedHashSet<>();
    parts.stream().filter(Part::isField).forEach(p -> s.add(p.field()));
    return List.copyOf(s);
  }

  /** True when the template is exactly one placeholder (the key value is the field's value). */
  public boolean isSingleField() {
    return parts.size() == 1 && parts.get(0).isField();
  }

  /** True when the template has no placeholders. */
  public boolean isStatic() {
    return parts.stream().noneMatch(Part::isField);
  }

  /** The literal text before the first placeholder (useful for begins_with). */
  public String literalPrefix() {
    StringBuilder sb = new StringBuilder();
    for (Part p : parts) {
      if (p.isField()) {
        break;
      }
      sb.append(p.literal());
    }
    return sb.toString();
  }
}
