package dev.ddbmodel.analyzer.internal.workload;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tables a recorded statement names, read from its tokens rather than by pattern: string
 * literals and comments are skipped, quoted identifiers are unquoted with their doubled quotes
 * ({@code "a""b"}, {@code `a``b`}, {@code [a]]b]}), names may be schema-qualified, {@code FROM a, b}
 * lists and {@code UPDATE a, b} are followed, subqueries are entered, and what only looks like a
 * table is left out: common table expression names, function calls ({@code FROM unnest(...)}),
 * {@code FROM} inside {@code EXTRACT(... FROM x)} or {@code IS DISTINCT FROM}.
 *
 * <p>Per dialect: PostgreSQL folds unquoted names to lower case (as its catalog stores them) and
 * has no {@code #} comments; MySQL/MariaDB strings may escape with a backslash; SQL Server quotes
 * with brackets. Unquoted names keep their spelling elsewhere.
 */
final class TableRefs {
  private TableRefs() {}

  /** How a dialect writes identifiers, strings and comments. */
  enum Syntax {
    POSTGRES, MYSQL, SQLSERVER, ORACLE, GENERIC;

    static Syntax of(String dialect) {
      return switch (dialect == null ? "" : dialect) {
        case "postgresql" -> POSTGRES;
        case "mysql" -> MYSQL;
        case "sqlserver" -> SQLSERVER;
        case "oracle" -> ORACLE;
        default -> GENERIC;
      };
    }
  }

  private enum T { WORD, QUOTED, DOT, COMMA, OPEN, CLOSE, OTHER }

  private record Tok(T type, String text) {
    boolean word(String w) {
      return type == T.WORD && text.equalsIgnoreCase(w);
    }

    boolean name() {
      return type == T.WORD || type == T.QUOTED;
    }
  }

  private static final Set<String> STARTS = Set.of("FROM", "JOIN", "INTO", "UPDATE", "USING");
  /** Words that may stand between the keyword and the name. */
  private static final Set<String> MODIFIERS = Set.of("ONLY", "IGNORE", "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "QUICK", "STRAIGHT_JOIN");
  /** Words that end a table reference (so they are not an alias). */
  private static final Set<String> CLAUSE = Set.of("WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS", "NATURAL", "ON", "USING", "GROUP", "ORDER",
      "HAVING", "LIMIT", "OFFSET", "FETCH", "FOR", "UNION", "EXCEPT", "INTERSECT", "MINUS", "SET", "VALUES", "SELECT", "WINDOW", "RETURNING", "WHEN",
      "TABLESAMPLE", "PARTITION", "FORCE", "USE", "STRAIGHT_JOIN", "OUTER", "LATERAL", "WITH", "DEFAULT", "AS", "OUTPUT", "CONNECT", "START",
      "QUALIFY", "LOCK", "INTO", "FROM");
  /** Functions whose arguments use FROM without naming a table. */
  private static final Set<String> FROM_FUNCTIONS = Set.of("EXTRACT", "SUBSTRING", "TRIM", "OVERLAY", "POSITION", "SUBSTR");
  private static final Set<String> NOT_TABLES = Set.of("dual", "values", "select", "lateral", "unnest", "generate_series");

  static List<String> of(String sql, Syntax syntax) {
    if (sql == null || sql.isEmpty()) {
      return List.of();
    }
    List<Tok> toks = tokens(sql, syntax);
    Set<String> ctes = ctes(toks, syntax);
    Set<String> out = new LinkedHashSet<>();
    // per open parenthesis: whether FROM inside it names tables (a subquery or a plain group) or not (EXTRACT(... FROM x))
    Deque<Boolean> parens = new ArrayDeque<>();
    for (int i = 0; i < toks.size(); i++) {
      Tok t = toks.get(i);
      if (t.type() == T.OPEN) {
        Tok before = i > 0 ? toks.get(i - 1) : null;
        parens.push(before == null || before.type() != T.WORD || !FROM_FUNCTIONS.contains(before.text().toUpperCase(Locale.ROOT)));
        continue;
      }
      if (t.type() == T.CLOSE) {
        if (!parens.isEmpty()) {
          parens.pop();
        }
        continue;
      }
      if (t.type() != T.WORD || !STARTS.contains(t.text().toUpperCase(Locale.ROOT)) || (!parens.isEmpty() && !parens.peek())) {
        continue;
      }
      String kw = t.text().toUpperCase(Locale.ROOT);
      if (kw.equals("FROM") && i > 0 && toks.get(i - 1).word("DISTINCT")) {
        continue; // IS [NOT] DISTINCT FROM
      }
      boolean list = kw.equals("FROM") || kw.equals("UPDATE");
      int j = i + 1;
      while (true) {
        while (j < toks.size() && toks.get(j).type() == T.WORD && MODIFIERS.contains(toks.get(j).text().toUpperCase(Locale.ROOT))) {
          j++;
        }
        if (j >= toks.size()) {
          break;
        }
        if (toks.get(j).type() == T.OPEN || toks.get(j).word("LATERAL")) {
          break; // a subquery (entered by the main loop) or a lateral function
        }
        if (!toks.get(j).name() || toks.get(j).type() == T.WORD && CLAUSE.contains(toks.get(j).text().toUpperCase(Locale.ROOT))) {
          break; // e.g. MERGE ... THEN UPDATE SET
        }
        List<String> parts = new ArrayList<>();
        parts.add(part(toks.get(j), syntax));
        j++;
        while (j + 1 < toks.size() && toks.get(j).type() == T.DOT && toks.get(j + 1).name()) {
          parts.add(part(toks.get(j + 1), syntax));
          j += 2;
        }
        boolean call = j < toks.size() && toks.get(j).type() == T.OPEN && !kw.equals("INTO");
        String name = String.join(".", parts);
        if (!call && !(parts.size() == 1 && ctes.contains(name)) && !NOT_TABLES.contains(name.toLowerCase(Locale.ROOT))) {
          out.add(name);
        }
        if (!list) {
          break;
        }
        // an optional alias, then a comma continues the list
        if (j < toks.size() && toks.get(j).word("AS")) {
          j++;
        }
        if (j < toks.size() && toks.get(j).name() && !(toks.get(j).type() == T.WORD && CLAUSE.contains(toks.get(j).text().toUpperCase(Locale.ROOT)))) {
          j++;
        }
        if (j < toks.size() && toks.get(j).type() == T.COMMA) {
          j++;
          continue;
        }
        break;
      }
    }
    return List.copyOf(out);
  }

  /** Names a WITH clause defines ({@code WITH [RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] (}). */
  private static Set<String> ctes(List<Tok> toks, Syntax syntax) {
    Set<String> out = new java.util.HashSet<>();
    for (int i = 0; i + 2 < toks.size(); i++) {
      Tok lead = toks.get(i);
      if (!(lead.word("WITH") || lead.word("RECURSIVE") || lead.type() == T.COMMA) || !toks.get(i + 1).name()) {
        continue;
      }
      int j = i + 2;
      if (j < toks.size() && toks.get(j).type() == T.OPEN) {
        int depth = 0;
        for (; j < toks.size(); j++) {
          depth += toks.get(j).type() == T.OPEN ? 1 : toks.get(j).type() == T.CLOSE ? -1 : 0;
          if (depth == 0) {
            j++;
            break;
          }
        }
      }
      if (j < toks.size() && toks.get(j).word("AS")) {
        j++;
        while (j < toks.size() && (toks.get(j).word("NOT") || toks.get(j).word("MATERIALIZED"))) {
          j++;
        }
        if (j < toks.size() && toks.get(j).type() == T.OPEN) {
          out.add(part(toks.get(i + 1), syntax));
        }
      }
    }
    return out;
  }

  private static String part(Tok t, Syntax syntax) {
    return t.type() == T.WORD && syntax == Syntax.POSTGRES ? t.text().toLowerCase(Locale.ROOT) : t.text();
  }

  private static List<Tok> tokens(String s, Syntax syntax) {
    List<Tok> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-' || c == '#' && syntax == Syntax.MYSQL) {
        while (i < n && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'') {
        i = skipString(s, i, syntax == Syntax.MYSQL || (syntax == Syntax.POSTGRES && i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e')));
        out.add(new Tok(T.OTHER, "'"));
      } else if (c == '$' && syntax == Syntax.POSTGRES && dollarTag(s, i) != null) {
        String tag = dollarTag(s, i);
        int end = s.indexOf(tag, i + tag.length());
        i = end < 0 ? n : end + tag.length();
        out.add(new Tok(T.OTHER, "$"));
      } else if (c == '"' || c == '`' || (c == '[' && syntax == Syntax.SQLSERVER)) {
        char close = c == '[' ? ']' : c;
        StringBuilder b = new StringBuilder();
        int j = i + 1;
        while (j < n) {
          char d = s.charAt(j);
          if (d == close) {
            if (j + 1 < n && s.charAt(j + 1) == close) {
              b.append(close);
              j += 2;
              continue;
            }
            break;
          }
          b.append(d);
          j++;
        }
        i = Math.min(n, j + 1);
        // MySQL without ANSI_QUOTES reads "..." as a string; digests have replaced strings by ? anyway
        out.add(c == '"' && syntax == Syntax.MYSQL ? new Tok(T.OTHER, "\"") : new Tok(T.QUOTED, b.toString()));
      } else if (Character.isLetter(c) || c == '_') {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$' || s.charAt(j) == '#' && syntax != Syntax.MYSQL)) {
          j++;
        }
        out.add(new Tok(T.WORD, s.substring(i, j)));
        i = j;
      } else {
        out.add(new Tok(c == '.' ? T.DOT : c == ',' ? T.COMMA : c == '(' ? T.OPEN : c == ')' ? T.CLOSE : T.OTHER, String.valueOf(c)));
        i++;
      }
    }
    return out;
  }

  private static int skipString(String s, int i, boolean backslash) {
    int j = i + 1;
    while (j < s.length()) {
      char d = s.charAt(j);
      if (backslash && d == '\\') {
        j += 2;
        continue;
      }
      if (d == '\'') {
        if (j + 1 < s.length() && s.charAt(j + 1) == '\'') {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return s.length();
  }

  /** A PostgreSQL dollar-quote tag ({@code $$} or {@code $tag$}) starting at {@code i}, or null (a parameter such as {@code $1}). */
  private static String dollarTag(String s, int i) {
    int j = i + 1;
    while (j < s.length() && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '_' || (j > i + 1 && Character.isDigit(s.charAt(j))))) {
      j++;
    }
    return j < s.length() && s.charAt(j) == '$' ? s.substring(i, j + 1) : null;
  }
}
