package dev.ddbmodel.codegen.internal.java;

import dev.ddbmodel.core.Names;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.List;
import java.util.Set;

/**
 * Java naming and escaping policy. A schema name becomes a lower camel identifier; one that is a
 * keyword, a literal, a contextual keyword or a name the generated code uses itself gets the suffix
 * {@code Value}; a name that is not already a plain identifier (spaces, quotes, symbols, non-ASCII)
 * is cleaned and given a short hash of the original, so distinct names never meet.
 */
final class JavaNames {
  private JavaNames() {}

  static final Set<String> KEYWORDS = Set.copyOf(List.of("abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
      "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
      "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch",
      "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "yield", "record",
      "sealed", "permits", "non-sealed", "when", "module", "open", "exports", "requires", "to", "uses", "provides", "with", "opens", "transitive", "_"));

  /** Names the generated classes use themselves: locals, arguments, members, java.lang types. */
  static final Set<String> RESERVED = Set.copyOf(List.of("values", "expr", "parts", "terms", "current", "additions", "ex", "condition", "updateText", "ws", "keys", "conditions", "filters", "filter", "typeFilter", "b", "r", "items", "item", "assignments",
      "removals", "updateText", "condition", "excluded", "limit", "nextToken", "descending", "client", "tableName", "found", "ks", "pending", "ws", "value",
      "key", "k", "out", "entity", "created", "updated", "ex", "e", "i", "x", "p", "repo", "m", "v", "toItem", "fromItem", "fromMap", "withVersion",
      "currentVersion", "create", "get", "update", "delete", "ddbmDumped", "ddbmActions", "ddbmI", "ddbmEach", "ddbmElement", "String", "Object", "Long", "Map", "List", "Optional", "Attrs",
      "hashCode", "equals", "toString", "getClass", "notify", "wait", "clone", "finalize", "cast", "castWrites", "TABLE_NAME"));

  /**
   * Type names the generated package uses or imports (java.lang, java.util, the SDK model types of
   * its wildcard import, its own classes): an entity class of that name would shadow them.
   */
  static final Set<String> TYPES = Set.copyOf(List.of("String", "Object", "Long", "Integer", "Double", "Float", "Boolean", "Number", "Character", "Byte",
      "Short", "Math", "System", "Thread", "Throwable", "Exception", "RuntimeException", "Error", "IllegalArgumentException", "IllegalStateException",
      "InterruptedException", "Override", "SuppressWarnings", "Deprecated", "FunctionalInterface", "SafeVarargs", "Record", "Enum", "Class", "Void",
      "Iterable", "Runnable", "StringBuilder", "Runtime", "Process", "Module", "Package", "Comparable", "CharSequence", "AutoCloseable", "Cloneable",
      "List", "Map", "Optional", "Actions", "ArrayList", "LinkedHashMap", "HashMap", "TreeMap", "Set", "Locale", "Base64", "Function", "Supplier", "Matcher",
      "Pattern", "Entry", "BigDecimal", "URI", "StandardCharsets", "Region", "SdkBytes", "AwsBasicCredentials", "StaticCredentialsProvider",
      "DynamoDbClient", "AttributeValue", "AttributeDefinition", "BillingMode", "ConditionalCheckFailedException", "TransactionCanceledException",
      "GlobalSecondaryIndex", "KeySchemaElement", "Projection", "ProjectionType", "KeyType", "ScalarAttributeType", "ReturnValue", "QueryRequest",
      "QueryResponse", "ScanRequest", "ScanResponse", "GetItemRequest", "GetItemResponse", "PutItemRequest", "PutItemResponse", "DeleteItemRequest",
      "DeleteItemResponse", "UpdateItemRequest", "UpdateItemResponse", "BatchGetItemRequest", "BatchGetItemResponse", "BatchWriteItemRequest",
      "BatchWriteItemResponse", "KeysAndAttributes", "WriteRequest", "PutRequest", "DeleteRequest", "TransactWriteItem", "TransactGetItem",
      "TransactGetItemsResponse", "TransactWriteItemsResponse", "Put", "Update", "Delete", "Get", "ConditionCheck", "CancellationReason",
      "CreateTableRequest", "ResourceInUseException", "Select", "DynamoDbException", "Attrs", "Page", "Expr", "TransactionService", "UsageExamples",
      "Tables", "Builder"));

  /** The identifier of a schema name (parameter, field, pattern). */
  static String ident(String name) {
    return dev.ddbmodel.codegen.internal.plan.Naming.camelMember(name, c -> KEYWORDS.contains(c) || RESERVED.contains(c));
  }

  /**
   * A Java string literal of any text. Control characters become octal escapes and non-ASCII
   * characters {@code \\uXXXX} escapes (never a line terminator, quote or backslash, which javac
   * would translate before lexing).
   */
  static String str(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '"' -> sb.append("\\\"");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format(Locale.ROOT, "\\%03o", (int) c));
          } else if (c > 0x7e) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** Text safe inside a Javadoc or block comment: printable ASCII, no backslash (unicode escapes), no comment end. */
  static String doc(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> sb.append(cp >= 0x20 && cp < 0x7f && cp != '\\' ? String.valueOf((char) cp) : " "));
    String out = sb.toString();
    while (out.contains("*/")) {
      out = out.replace("*/", "* /");
    }
    return out.replace("/*", "/ *").strip();
  }
}
