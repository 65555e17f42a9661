package dev.ddbmodel.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The object forms of a condition (the filter grammar) and of update actions ({@code set},
 * {@code add}, {@code remove}) turned into DynamoDB expression text, once: the attribute names and
 * the value sources become placeholders of the text. The validator checks what the text binds and
 * the generation plan binds it, from this one rendering.
 *
 * <p>Placeholders are {@code #<prefix>n<i>} for attribute names and {@code :<prefix>v<i>} for
 * values, numbered in order of first use; a field or a source used twice gets one placeholder.
 * The prefix keeps two renderings of one action (condition and update) apart.
 */
public final class Expressions {
  private Expressions() {}

  /**
   * One rendered expression.
   *
   * @param text the expression text
   * @param names {@code #placeholder} to attribute name
   * @param values {@code :placeholder} to its source as written in the schema: a parameter name, or
   *     {@code param.field} (a field of an entity parameter or of the repeated list's element)
   * @param literals {@code :placeholder} to a constant (JSON text): the rendering's own, and the
   *     schema's {@code {"literal": x}} operands
   */
  public record Rendered(String text, Map<String, String> names, Map<String, String> values, Map<String, String> literals) {
    public Rendered {
      names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
      literals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(literals));
    }
  }

  /** Builds placeholders for one rendering. */
  private static final class Builder {
    final String prefix;
    final Map<String, String> names = new LinkedHashMap<>();
    final Map<String, String> values = new LinkedHashMap<>();
    final Map<String, String> literals = new LinkedHashMap<>();

    Builder(String prefix) {
      this.prefix = prefix;
    }

    String name(String attribute) {
      for (Map.Entry<String, String> e : names.entrySet()) {
        if (e.getValue().equals(attribute)) {
          return e.getKey();
        }
      }
      String ph = "#" + prefix + "n" + names.size();
      names.put(ph, attribute);
      return ph;
    }

    String value(String source) {
      for (Map.Entry<String, String> e : values.entrySet()) {
        if (e.getValue().equals(source)) {
          return e.getKey();
        }
      }
      String ph = ":" + prefix + "v" + values.size();
      values.put(ph, source);
      return ph;
    }

    String literal(String json) {
      for (Map.Entry<String, String> e : literals.entrySet()) {
        if (e.getValue().equals(json)) {
          return e.getKey();
        }
      }
      String ph = ":" + prefix + "l" + literals.size();
      literals.put(ph, json);
      return ph;
    }

    Rendered done(String text) {
      return new Rendered(text, names, values, literals);
    }
  }

  /**
   * A condition: each term in parentheses (unless it is the only one), joined by the expression's
   * logical operator.
   */
  public static Rendered condition(Schema.FilterExpression f, String prefix) {
    Builder b = new Builder(prefix);
    List<String> terms = new ArrayList<>();
    for (Schema.FilterCondition c : f.conditions()) {
      // DynamoDB refuses redundant parentheses: a single term stands alone
      terms.add(f.conditions().size() == 1 ? term(c, b) : "(" + term(c, b) + ")");
    }
    return b.done(String.join(f.logicalOperator().equals("OR") ? " OR " : " AND ", terms));
  }

  private static String term(Schema.FilterCondition c, Builder b) {
    String n = b.name(c.field());
    String function = c.function().orElse("");
    List<String> vs = c.operands().stream().map(o -> operand(o, b)).toList();
    switch (function) {
      case "attribute_exists", "attribute_not_exists" -> {
        return function + "(" + n + ")";
      }
      case "contains", "begins_with" -> {
        return function + "(" + n + ", " + vs.get(0) + ")";
      }
      default -> {
        // a comparison, of the attribute or of its size
      }
    }
    String lhs = function.equals("size") ? "size(" + n + ")" : n;
    String operator = c.operator().orElseThrow();
    return switch (operator) {
      case "between" -> lhs + " BETWEEN " + vs.get(0) + " AND " + vs.get(1);
      case "in" -> lhs + " IN (" + String.join(", ", vs) + ")";
      default -> lhs + " " + operator + " " + vs.get(0);
    };
  }

  /** An operand's placeholder: a value (parameter or constant) or, for another attribute, a name. */
  private static String operand(Schema.Operand o, Builder b) {
    if (o instanceof Schema.Operand.Literal l) {
      return b.literal(l.json());
    }
    if (o instanceof Schema.Operand.Attribute a) {
      return b.name(a.field());
    }
    return b.value(((Schema.Operand.Param) o).name());
  }

  /**
   * {@code a AND b} without loosening an OR in {@code a}: {@code a} is parenthesised unless it
   * already is one parenthesised whole (DynamoDB refuses redundant parentheses).
   */
  public static String and(String a, String b) {
    return (wrapped(a) ? a : "(" + a + ")") + " AND " + b;
  }

  private static boolean wrapped(String t) {
    String s = t.strip();
    if (!s.startsWith("(") || !s.endsWith(")")) {
      return false;
    }
    int depth = 0;
    for (int i = 0; i < s.length(); i++) {
      depth += s.charAt(i) == '(' ? 1 : s.charAt(i) == ')' ? -1 : 0;
      if (depth == 0 && i < s.length() - 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * Update actions: {@code SET} assignments (arithmetic counts an absent attribute as 0, like the
   * single-item update), {@code REMOVE}, {@code ADD}; clauses in that order, each once.
   */
  public static Rendered update(Schema.UpdateActions u, String prefix) {
    Builder b = new Builder(prefix);
    List<String> set = new ArrayList<>();
    for (Schema.SetAction a : u.set()) {
      String n = b.name(a.field());
      String v = operand(a.value(), b);
      if (a.ifNotExists()) {
        set.add(n + " = if_not_exists(" + n + ", " + v + ")");
      } else {
        set.add(a.operator().equals("=") ? n + " = " + v : n + " = if_not_exists(" + n + ", " + b.literal("0") + ") " + a.operator() + " " + v);
      }
    }
    List<String> remove = u.remove().stream().map(b::name).toList();
    List<String> add = new ArrayList<>();
    for (Schema.AddAction a : u.add()) {
      add.add(b.name(a.field()) + " " + operand(a.value(), b));
    }
    List<String> clauses = new ArrayList<>();
    if (!set.isEmpty()) {
      clauses.add("SET " + String.join(", ", set));
    }
    if (!remove.isEmpty()) {
      clauses.add("REMOVE " + String.join(", ", remove));
    }
    if (!add.isEmpty()) {
      clauses.add("ADD " + String.join(", ", add));
    }
    return b.done(String.join(" ", clauses));
  }
}
