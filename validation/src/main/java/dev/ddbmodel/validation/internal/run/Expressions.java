package dev.ddbmodel.validation.internal.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Just enough of DynamoDB's expression syntax to find which attributes an expression names. */
final class Expressions {
  private static final Set<String> WORDS =
      Set.of("and", "or", "not", "between", "in", "begins_with", "attribute_exists", "attribute_not_exists",
          "attribute_type", "contains", "size", "set", "remove", "add", "delete", "if_not_exists", "list_append");

  private Expressions() {}

  /** A comparison in a key condition: attribute name and whether it is an equality. */
  record Term(String attribute, boolean equality) {}

  /** Top-level attribute names an expression refers to, placeholders resolved. */
  static List<String> attributes(String expression, Map<String, String> names) {
    List<String> out = new ArrayList<>();
    if (expression == null) {
      return out;
    }
    int n = expression.length();
    for (int i = 0; i < n; ) {
      char c = expression.charAt(i);
      if (c == '#' || Character.isLetter(c) || c == '_') {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(expression.charAt(j)) || expression.charAt(j) == '_')) {
          j++;
        }
        String token = expression.substring(i, j);
        boolean path = i > 0 && (expression.charAt(i - 1) == '.');
        int k = j;
        while (k < n && expression.charAt(k) == ' ') {
          k++;
        }
        boolean call = k < n && expression.charAt(k) == '(';
        if (!path && !call) {
          if (token.startsWith("#")) {
            out.add(names.getOrDefault(token, token));
          } else if (!WORDS.contains(token.toLowerCase(Locale.ROOT))) {
            out.add(token);
          }
        }
        i = j;
      } else if (c == ':') {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(expression.charAt(j)) || expression.charAt(j) == '_')) {
          j++;
        }
        i = j;
      } else {
        i++;
      }
    }
    return out;
  }

  /** The comparisons of a key condition ({@code a = :x AND begins_with(b, :y)}). */
  static List<Term> keyTerms(String expression, Map<String, String> names) {
    List<Term> out = new ArrayList<>();
    if (expression == null) {
      return out;
    }
    for (String part : expression.split("(?i)\\s+and\\s+(?![^()]*\\))")) {
      String p = part.strip();
      while (p.startsWith("(") && p.endsWith(")")) {
        p = p.substring(1, p.length() - 1).strip();
      }
      List<String> attrs = attributes(p, names);
      if (attrs.isEmpty()) {
        continue;
      }
      boolean eq = p.matches("(?s)[^<>=]*=[^=].*") && !p.contains("<") && !p.contains(">")
          && !p.toLowerCase(Locale.ROOT).contains("between") && !p.toLowerCase(Locale.ROOT).startsWith("begins_with");
      out.add(new Term(attrs.get(0), eq));
    }
    return out;
  }
}
