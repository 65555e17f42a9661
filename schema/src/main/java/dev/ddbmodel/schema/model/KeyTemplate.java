package dev.ddbmodel.schema.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key template such as {@code ORDER#{date}#{order_id}} or {@code {score:05d}}: literal text and
 * placeholders naming entity fields, with an optional format spec.
 */
public record KeyTemplate(String text, List<Part> parts) {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(?::([^{}]*))?\\}");

  /** A literal piece or a placeholder. */
  public record Part(String literal, String field, String format) {
    public boolean isField() {
      return field != null;
    }
  }

  public KeyTemplate {
    parts = List.copyOf(parts);
  }

  public static KeyTemplate parse(String text) {
    List<Part> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        parts.add(new Part(text.substring(last, m.start()), null, null));
      }
      parts.add(new Part(null, m.group(1), m.group(2)));
      last = m.end();
    }
    if (last < text.length()) {
      parts.add(new Part(text.substring(last), null, null));
    }
    return new KeyTemplate(text, parts);
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
