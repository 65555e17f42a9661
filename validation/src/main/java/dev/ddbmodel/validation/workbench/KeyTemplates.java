package dev.ddbmodel.validation.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.schema.model.KeyTemplate;
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
