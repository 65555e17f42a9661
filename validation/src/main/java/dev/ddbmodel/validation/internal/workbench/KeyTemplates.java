package dev.ddbmodel.validation.internal.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.schema.KeyTemplate;
import java.util.Optional;
import java.util.regex.Pattern;

/** Matching key values against schema.json key templates ({@code USER#{user_id}}), shared by import, export and the view. */
public final class KeyTemplates {
  private KeyTemplates() {}

  /** A regular expression matching exactly the key values the template produces. */
  public static Pattern matcher(String template) {
    StringBuilder re = new StringBuilder();
    for (KeyTemplate.Part p : KeyTemplate.parse(template).parts()) {
      re.append(p.isField() ? "(.+?)" : Pattern.quote(p.literal()));
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  /** The literal characters of a template: the more, the more specific it is. */
  public static int literalLength(String template) {
    return KeyTemplate.parse(template).parts().stream().filter(p -> !p.isField()).mapToInt(p -> p.literal().length()).sum();
  }

  /**
   * How well an item's keys fit a partition key template and an optional sort key template: the
   * number of literal characters matched (the more specific fit wins), or -1 when a key does not
   * match. Without a sort key template any sort key fits.
   */
  public static int fit(String pkTemplate, Optional<String> skTemplate, JsonNode item, String pk, Optional<String> sk) {
    int lit = fit(pkTemplate, scalarText(item.get(pk)));
    if (lit < 0 || sk.isEmpty() || skTemplate.isEmpty()) {
      return lit;
    }
    int s = fit(skTemplate.get(), scalarText(item.get(sk.get())));
    return s < 0 ? -1 : lit + s;
  }

  private static int fit(String template, Optional<String> value) {
    if (value.isEmpty() || !matcher(template).matcher(value.get()).matches()) {
      return -1;
    }
    return literalLength(template);
  }

  /** A key value as text: S and N values, B as its base64 text; empty for other types. */
  public static Optional<String> scalarText(JsonNode v) {
    if (v == null || !v.isObject() || v.size() != 1) {
      return Optional.empty();
    }
    for (String t : WorkbenchFormat.KEY_TYPES) {
      JsonNode x = v.get(t);
      if (x != null && (x.isTextual() || x.isNumber())) {
        return Optional.of(x.isNumber() ? x.decimalValue().toPlainString() : x.asText());
      }
    }
    return Optional.empty();
  }
}
