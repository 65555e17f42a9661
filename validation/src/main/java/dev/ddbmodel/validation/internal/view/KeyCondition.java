package dev.ddbmodel.validation.internal.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Query's {@code --key-condition-expression}, evaluated against sample items: equality and
 * {@code < <= > >=} comparisons, {@code BETWEEN ... AND ...} and {@code begins_with(...)}, joined by
 * {@code AND} and optionally parenthesised — the whole key condition grammar.
 */
final class KeyCondition {
  /** One comparison: attribute, operator ({@code = < <= > >= between begins_with}) and its values. */
  record Term(String attribute, String op, List<JsonNode> values) {}

  private final List<Term> terms;

  private KeyCondition(List<Term> terms) {
    this.terms = List.copyOf(terms);
  }

  List<Term> terms() {
    return terms;
  }

  /** Parses the expression; empty when it is not a key condition this grammar describes. */
  static Optional<KeyCondition> parse(String expression, Map<String, String> names, JsonNode values) {
    try {
      Parser p = new Parser(tokens(expression), names, values);
      List<Term> terms = p.conjunction();
      return p.done() ? Optional.of(new KeyCondition(terms)) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether the item satisfies every term. */
  boolean matches(JsonNode item) {
    for (Term t : terms) {
      JsonNode v = item.get(t.attribute());
      if (v == null) {
        return false;
      }
      boolean ok = switch (t.op()) {
        case "begins_with" -> AttributeValues.beginsWith(v, t.values().get(0));
        case "between" -> AttributeValues.compare(v, t.values().get(0)).map(c -> c >= 0).orElse(false)
            && AttributeValues.compare(v, t.values().get(1)).map(c -> c <= 0).orElse(false);
        default -> AttributeValues.compare(v, t.values().get(0)).map(c -> switch (t.op()) {
          case "=" -> c == 0;
          case "<" -> c < 0;
          case "<=" -> c <= 0;
          case ">" -> c > 0;
          default -> c >= 0;
        }).orElse(false);
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == ',') {
        out.add(String.valueOf(c));
        i++;
      } else if (c == '<' || c == '>' || c == '=') {
        boolean two = i + 1 < s.length() && s.charAt(i + 1) == '=' && c != '=';
        out.add(s.substring(i, i + (two ? 2 : 1)));
        i += two ? 2 : 1;
      } else {
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "(),<>=".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        out.add(s.substring(i, j));
        i = j;
      }
    }
    return out;
  }

  /** Recursive descent over the tokens. */
  private static final class Parser {
    private final List<String> t;
    private final Map<String, String> names;
    private final JsonNode values;
    private int i;

    Parser(List<String> t, Map<String, String> names, JsonNode values) {
      this.t = t;
      this.names = names;
      this.values = values;
    }

    boolean done() {
      return i == t.size();
    }

    List<Term> conjunction() {
      List<Term> out = new ArrayList<>(term());
      while (i < t.size() && t.get(i).equalsIgnoreCase("and")) {
        i++;
        out.addAll(term());
      }
      return out;
    }

    private List<Term> term() {
      if (peek("(")) {
        i++;
        List<Term> inner = conjunction();
        expect(")");
        return inner;
      }
      if (peek("begins_with")) {
        i++;
        expect("(");
        String a = name(next());
        expect(",");
        JsonNode v = value(next());
        expect(")");
        return List.of(new Term(a, "begins_with", List.of(v)));
      }
      String left = next();
      String op = next().toLowerCase(Locale.ROOT);
      if (op.equals("between")) {
        JsonNode lo = value(next());
        if (!next().equalsIgnoreCase("and")) {
          throw new IllegalArgumentException("BETWEEN needs AND");
        }
        return List.of(new Term(name(left), "between", List.of(lo, value(next()))));
      }
      if (!List.of("=", "<", "<=", ">", ">=").contains(op)) {
        throw new IllegalArgumentException("not a key condition operator: " + op);
      }
      String right = next();
      if (left.startsWith(":")) {
        // `:v < attr` is `attr > :v`
        String flipped = switch (op) {
          case "<" -> ">";
          case "<=" -> ">=";
          case ">" -> "<";
          case ">=" -> "<=";
          default -> op;
        };
        return List.of(new Term(name(right), flipped, List.of(value(left))));
      }
      return List.of(new Term(name(left), op, List.of(value(right))));
    }

    private boolean peek(String s) {
      return i < t.size() && t.get(i).equalsIgnoreCase(s);
    }

    private void expect(String s) {
      if (!next().equals(s)) {
        throw new IllegalArgumentException("expected " + s);
      }
    }

    private String next() {
      if (i >= t.size()) {
        throw new IllegalArgumentException("unexpected end");
      }
      return t.get(i++);
    }

    private String name(String token) {
      if (token.startsWith("#")) {
        String n = names.get(token);
        if (n == null) {
          throw new IllegalArgumentException("undefined name " + token);
        }
        return n;
      }
      if (token.startsWith(":")) {
        throw new IllegalArgumentException("a value where an attribute belongs");
      }
      return token;
    }

    private JsonNode value(String token) {
      if (!token.startsWith(":") || values == null || !values.has(token)) {
        throw new IllegalArgumentException("undefined value " + token);
      }
      return values.get(token);
    }
  }
}
