package dev.ddbmodel.codegen.internal.python;

import java.util.List;
import java.util.Set;

/**
 * Python naming policy: a schema name becomes an identifier that is never a keyword, a soft
 * keyword, a builtin the generated code uses, or one of the generated methods' own locals
 * (those names get a trailing underscore, as PEP 8 suggests); anything that is not an identifier
 * is refused earlier by the schema validator's name rules, and mangled here as a last resort.
 */
final class PythonNames {
  private PythonNames() {}

  static final Set<String> KEYWORDS = Set.copyOf(List.of("False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
      "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
      "raise", "return", "try", "while", "with", "yield", "match", "case", "type", "_"));

  /** Names the generated methods use for themselves (locals, arguments, builtins, imports). */
  static final Set<String> LOCALS = Set.copyOf(List.of("self", "values", "expr", "parts", "terms", "current", "additions", "err", "condition_text", "update_text", "conditions", "request", "filters", "filter_text", "type_filter", "raw", "response",
      "items", "item", "limit", "next_token", "descending", "start", "pending", "found", "keys", "key", "entity", "created", "updated", "assignments",
      "removals", "value", "err", "str", "int", "float", "bool", "list", "dict", "len", "range", "sorted", "any", "Any", "Optional", "Decimal", "Page",
      "consistent_read", "i", "k", "v", "x", "client", "transact_items", "reasons", "_dumped", "_actions", "_i", "_each", "_element", "out"));

  /**
   * The identifier of a parameter or field named {@code name} in the schema: a plain identifier is
   * kept; anything else is cleaned to letters, digits and underscores, starts with a letter, and
   * gets a short hash of the original so distinct names never meet.
   */
  static String ident(String name) {
    boolean plain = name.matches("[A-Za-z][A-Za-z0-9_]*");
    String s = name;
    if (!plain) {
      String clean = name.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^[_0-9]+|_+$", "");
      s = (clean.isEmpty() ? "f" : clean) + "_" + dev.ddbmodel.codegen.internal.plan.Naming.hash(name);
    }
    return KEYWORDS.contains(s) || LOCALS.contains(s) ? s + "_" : s;
  }

  /** Names the generated modules import or define at module level: an entity class of that name would shadow them. */
  static final Set<String> TYPES = Set.copyOf(List.of("False", "None", "True", "Any", "Optional", "Generic", "TypeVar", "Page", "Decimal", "BaseModel",
      "Field", "ConfigDict", "Expression", "ClientError", "ConcurrentModificationError", "ConditionFailedError", "DataAccessError", "joined", "TransactionCancelledError",
      "TransactionService", "TypeSerializer", "TypeDeserializer", "Formatter", "ArgumentParser", "Exception", "KeyError", "ValueError", "TypeError",
      "IndexError", "RuntimeError", "BaseException", "StopIteration", "NotImplemented", "Ellipsis", "SAMPLES", "TABLES", "TABLE_NAME", "T", "MAX_ACTIONS"));

  /** Methods every repository has: a pattern of the same name gets a trailing underscore. */
  static final Set<String> MEMBERS = Set.copyOf(List.of("create", "get", "update", "delete", "key", "to_item", "from_item", "index_keys", "table_name"));

  /** The name of a pattern's method. */
  static String method(String name) {
    String s = ident(name);
    return MEMBERS.contains(s) ? s + "_" : s;
  }

  /**
   * A Python string literal of any text: backslash, both quotes and every control or non-ASCII
   * character escaped, so no input can end the literal or add a line.
   */
  static String str(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (cp >= 0x20 && cp < 0x7f) {
            sb.appendCodePoint(cp);
          } else if (cp <= 0xff) {
            sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", cp));
          } else if (cp <= 0xffff) {
            sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", cp));
          } else {
            sb.append(String.format(java.util.Locale.ROOT, "\\U%08x", cp));
          }
        }
      }
    });
    return sb.append('"').toString();
  }

  /** Text safe inside a generated docstring or comment: one line, no quotes run, no backslash, ASCII. */
  static String doc(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> sb.append(cp >= 0x20 && cp < 0x7f && cp != '\\' && cp != '"' ? String.valueOf((char) cp) : cp == '"' ? "'" : " "));
    return sb.toString().strip();
  }
}
