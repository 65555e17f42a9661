package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.schema.KeyTemplate;
import dev.ddbmodel.schema.internal.rules.SchemaRules.At;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Key templates ({@code Schema.Template}, {@code Schema.TemplateField}): not empty, braces only
 * around placeholders, each placeholder a field of the entity (optionally with a format spec).
 * The scanning itself is {@link KeyTemplate}'s, the one template parser.
 */
final class TemplateRules {
  private TemplateRules() {}

  /** Syntax and field checks of one key template. */
  static void check(SchemaRules r, String t, At at, Set<String> fieldNames, boolean checkFields) {
    if (t.isBlank()) {
      r.error("Schema.Template", at, "the template is empty", "e.g. \"USER#{user_id}\"");
      return;
    }
    int open = 0;
    int close = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '{') {
        open++;
      } else if (c == '}') {
        close++;
      }
    }
    if (open != close) {
      r.error("Schema.Template", at, "unmatched braces in template `" + t + "`: " + open + " opening, " + close + " closing", "close every `{`");
      return;
    }
    // braces only delimit placeholders: `{{email}}` or `}x{` would leave literal braces in every key
    int depth = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '{' && ++depth > 1 || c == '}' && --depth < 0) {
        r.error("Schema.Template", at, "template `" + t + "` has a brace at position " + (i + 1)
            + " that does not open or close a placeholder (braces cannot be nested or escaped)", c == '{' && t.startsWith("{{", i)
            ? "write a single pair of braces: `{" + t.substring(i + 2).replaceFirst("}}.*", "") + "}`" : "use `{field}` for a placeholder and no other braces");
        return;
      }
    }
    for (String raw : TemplateRules.placeholders(t)) {
      String body = raw.strip();
      String name = body.contains(":") ? body.substring(0, body.indexOf(':')) : body;
      if (name.isEmpty()) {
        r.error("Schema.Template", at, "template `" + t + "` has an empty placeholder `{}`", "name a field inside the braces");
      } else if (!TemplateRules.isWord(name)) {
        r.error("Schema.Template", at, "template `" + t + "` has an invalid placeholder `{" + raw + "}`",
            "placeholders are field names, optionally with a format spec: {score:05d}");
      } else if (checkFields && !fieldNames.contains(name)) {
        r.error("Schema.TemplateField", at, "template placeholder `" + name + "` is not a field of the entity",
            Suggestions.closest(name, fieldNames).map(s -> "did you mean `" + s + "`?").orElse("fields: " + String.join(", ", new TreeSet<>(fieldNames))));
      }
    }
  }


  /** The placeholder candidates of a template: {@link KeyTemplate#placeholderBodies}, the one template scanner. */
  static List<String> placeholders(String t) {
    return KeyTemplate.placeholderBodies(t);
  }

  /** Whether the regex <code>\w+</code> matches: {@link KeyTemplate#isFieldName}. */
  static boolean isWord(String s) {
    return KeyTemplate.isFieldName(s);
  }
}
