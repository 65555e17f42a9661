package dev.ddbmodel.codegen.internal.typescript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.codegen.internal.render.Templates;
import dev.ddbmodel.codegen.internal.python.PythonExtrasAccess;
import dev.ddbmodel.core.Names;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.schema.KeyTemplate;
import dev.ddbmodel.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Writes the TypeScript data access layer: interfaces and key builders, repositories, transactions, tables, examples. */
final class TsWriter {
  static final String SDK_VERSION = "3.1169.0";
  static final String TYPESCRIPT_VERSION = "7.0.2";
  static final String TYPES_NODE_VERSION = "26.6.7";
  private static final Set<String> RESERVED = Set.copyOf(List.of("break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
      "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null", "return",
      "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static", "implements",
      "interface", "package", "private", "protected", "public", "await", "arguments", "eval", "as", "any", "unknown", "never", "undefined",
      "values", "expr", "conditions", "filters", "filter", "options", "result", "items", "entity", "key", "found", "out", "repo", "client",
      "r", "item", "assignments", "removals", "updateText", "conditionText", "expected", "updated", "userFilter", "typeFilter", "first", "responses",
      "pending", "keys", "value", "err", "ddbmActions", "ddbmI", "ddbmEach", "ddbmElement", "i", "x", "k", "v", "String", "Number", "Object", "Error", "Promise", "Item", "Page",
      "PageOptions", "Expr", "fill", "toValues", "pick", "condition", "joinFilters", "encodeToken", "decodeToken", "isError", "withRetries", "currentItem", "hasVersion", "parts", "terms", "current", "additions", "ConditionFailedError",
      "stored", "get", "create", "update", "delete", "toItem", "fromItem", "tableName", "constructor", "prototype", "of", "type", "declare", "namespace",
      "module", "readonly", "keyof", "infer", "is", "asserts", "satisfies", "abstract", "accessor", "async", "get", "set", "from", "require"));

  private final Schema schema;
  private final String source;
  private final Optional<JsonNode> usage;
  private final boolean examples;
  private final Map<String, Object> mapping = new TreeMap<>();

  TsWriter(Schema schema, String source, Optional<JsonNode> usage, boolean examples) {
    this.schema = schema;
    this.source = source;
    this.usage = usage;
    this.examples = examples;
  }

  /** Type and value names the generated modules import or use globally: an entity type of that name would shadow them. */
  static final Set<String> TYPES = Set.copyOf(List.of("Array", "Object", "String", "Number", "Boolean", "Symbol", "BigInt", "Error", "Map", "Set", "Date",
      "JSON", "Math", "Promise", "Record", "Partial", "Required", "Readonly", "Pick", "Omit", "NonNullable", "ReturnType", "Buffer", "Uint8Array",
      "Item", "Page", "PageOptions", "Expr", "Actions", "MAX_ACTIONS", "TransactionCancelledError", "ConcurrentModificationError", "ConditionFailedError", "DynamoDBClient", "DynamoDBDocumentClient",
      "CreateTableCommand", "CreateTableCommandInput", "DescribeTableCommand", "ListTablesCommand", "GetCommand", "PutCommand", "DeleteCommand",
      "UpdateCommand", "QueryCommand", "ScanCommand", "BatchGetCommand", "BatchWriteCommand", "TransactGetCommand", "TransactWriteCommand",
      "TransactGetCommandInput", "TransactWriteCommandInput", "TransactionService", "Function", "RegExp", "Infinity", "NaN", "Intl", "Reflect",
      "Proxy", "WeakMap", "WeakSet", "ArrayBuffer", "DataView", "Iterator", "Generator", "Awaited",
      // the usage examples' own type of a summary entry
      "Entry"));

  static String cls(String entity) {
    return dev.ddbmodel.codegen.internal.plan.Naming.typeName(entity, TYPES);
  }

  /**
   * The identifier of a schema name: lower camel; a keyword or a name the generated code uses
   * itself gets the suffix {@code Value}; a name that is not already a plain identifier is cleaned
   * and given a short hash of the original, so distinct names never meet.
   */
  static String var(String name) {
    return dev.ddbmodel.codegen.internal.plan.Naming.camelMember(name, RESERVED::contains);
  }

  /** Text safe inside a JSDoc or block comment: printable ASCII, no comment end. */
  static String doc(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(cp -> sb.append(cp >= 0x20 && cp < 0x7f ? String.valueOf((char) cp) : " "));
    String out = sb.toString();
    while (out.contains("*/")) {
      out = out.replace("*/", "* /");
    }
    return out.strip();
  }

  /** A lower camel name of an entity for functions (orderKey). */
  static String fn(String entity) {
    String c = cls(entity);
    return c.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + c.substring(1);
  }

  /**
   * Whether a JavaScript number holds {@code v} exactly and the SDK's marshall accepts it (a safe
   * integer, or a fraction whose shortest double spelling is the same number); otherwise the
   * generated code passes the exact text as a {@code NumberValue}.
   */
  static boolean exactAsDouble(java.math.BigDecimal v) {
    double d = v.doubleValue();
    if (Double.isInfinite(d) || Math.abs(d) > 9007199254740991d) {
      return false;
    }
    return new java.math.BigDecimal(Double.toString(d)).compareTo(v) == 0;
  }

  /** A string literal (JSON escaping, valid TypeScript). */
  static String q(String s) {
    return Json.compact(s);
  }

  /** A property name, quoted unless it is an identifier. */
  static String prop(String s) {
    return s.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? s : q(s);
  }

  static String tsType(Schema.Field f) {
    return switch (f.type()) {
      case string, uuid -> "string";
      case integer, decimal -> "number";
      case BOOLEAN_ALIAS -> "boolean";
      case array -> "unknown[]";
      case object -> "Item";
    };
  }

  static String paramType(Schema.Parameter p) {
    if (p.type().equals("entity")) {
      return cls(p.entityType().orElseThrow());
    }
    return switch (p.type()) {
      case "string", "uuid" -> "string";
      case "integer", "decimal" -> "number";
      case "boolean" -> "boolean";
      case "array" -> "unknown[]";
      default -> "Item";
    };
  }

  /** Fields named by templates, in order, no duplicates. */
  static List<String> fields(List<KeyTemplate> ts) {
    return dev.ddbmodel.codegen.internal.plan.QueryPlan.fieldsOf(ts);
  }

  Map<String, String> files() {
    Map<String, String> f = new TreeMap<>();
    f.put("src/runtime.ts", new Templates("typescript").verbatim("runtime.ts"));
    f.put("src/entities.ts", entities());
    StringBuilder body = new StringBuilder();
    List<String> types = new ArrayList<>();
    for (Schema.TableDef t : schema.tables()) {
      for (Schema.Entity e : t.entities().values()) {
        body.append("\n").append(new TsRepositoryWriter(dev.ddbmodel.codegen.internal.plan.Planner.plan(schema, source).entity(e.name()).orElseThrow(), mapping).write());
        types.addAll(List.of(cls(e.name()), fn(e.name()) + "FromItem", fn(e.name()) + "Item", fn(e.name()) + "Key"));
      }
    }
    dev.ddbmodel.codegen.internal.plan.Planner.plan(schema, source).collections().forEach(c -> types.add(c.typeName()));
    StringBuilder repos = new StringBuilder();
    repos.append("// Repositories: CRUD with optimistic locking and every access pattern (generated by ddbm from ").append(source).append(").\n");
    repos.append(imports(body, "@aws-sdk/lib-dynamodb", List.of("BatchGetCommand", "BatchGetCommandInput", "BatchGetCommandOutput", "BatchWriteCommand",
        "BatchWriteCommandInput", "BatchWriteCommandOutput", "DeleteCommand", "DynamoDBDocumentClient", "GetCommand", "NumberValue", "PutCommand", "QueryCommand",
        "ScanCommand", "UpdateCommand")));
    repos.append(imports(body, "./entities", types));
    repos.append(imports(body, "./runtime", List.of("ConcurrentModificationError", "ConditionFailedError", "Expr", "Item", "Page", "PageOptions", "condition",
        "currentItem", "decodeToken", "encodeToken", "fill", "hasVersion", "isError", "joinFilters", "toValues", "withRetries")));
    repos.append(body);
    f.put("src/repositories.ts", repos.toString());
    f.put("src/transactions.ts", new TsTransactionWriter(schema, dev.ddbmodel.codegen.internal.plan.Planner.plan(schema, source).transactions(), mapping).write());
    f.put("src/tables.ts", tables());
    f.put("src/index.ts", "// The generated data access layer (generated by ddbm from " + source + ").\nexport * from \"./entities\";\n"
        + "export * from \"./repositories\";\nexport * from \"./runtime\";\nexport * from \"./tables\";\nexport * from \"./transactions\";\n");
    if (examples) {
      f.put("usage_examples.ts", new TsExamplesWriter(schema, usage).write());
    }
    f.put("package.json", packageJson());
    f.put("tsconfig.json", tsconfig());
    f.put("access_pattern_mapping.json", Json.pretty(mapping));
    return f;
  }

  /** An import of the candidates that the code uses (unused imports do not compile with noUnusedLocals). */
  static String imports(CharSequence text, String module, List<String> candidates) {
    java.util.Set<String> names = names(text);
    List<String> used = candidates.stream().filter(names::contains).toList();
    if (used.isEmpty()) {
      return "";
    }
    String one = "import { " + String.join(", ", used) + " } from " + q(module) + ";\n";
    return one.length() <= 120 ? one : "import {\n  " + String.join(",\n  ", used) + ",\n} from " + q(module) + ";\n";
  }

  /**
   * The identifiers the code uses as names: outside comments (block comments, whole-line
   * {@code //} comments) and double-quoted strings, and not as a property after a dot (a spread
   * {@code ...x} counts as a use). One pass over the text.
   */
  /** Scans a template literal from just after its opening backtick; adds the names of its {@code ${...}} expressions; returns the index after it. */
  private static int template(String text, int from, java.util.Set<String> names) {
    int n = text.length();
    int i = from;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '`') {
        return i + 1;
      } else if (c == '$' && i + 1 < n && text.charAt(i + 1) == '{') {
        int depth = 1;
        int j = i + 2;
        while (j < n && depth > 0) {
          char d = text.charAt(j);
          if (d == '"' && stringEnd(text, j) > 0) {
            j = stringEnd(text, j);
            continue;
          }
          depth += d == '{' ? 1 : d == '}' ? -1 : 0;
          j++;
        }
        names.addAll(names(text.substring(i + 2, Math.max(i + 2, j - 1))));
        i = j;
      } else {
        i++;
      }
    }
    return n;
  }

  static java.util.Set<String> names(CharSequence code) {
    String text = code.toString();
    java.util.Set<String> names = new java.util.HashSet<>();
    int n = text.length();
    boolean lineStart = true;
    char prev = '\n';
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      char next = i + 1 < n ? text.charAt(i + 1) : 0;
      if (c == '/' && next == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '/' && next == '/' && lineStart) {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' && stringEnd(text, i) > 0) {
        i = stringEnd(text, i);
        prev = '"';
        lineStart = false;
      } else if (c == '`') {
        // a template literal: its text is no code, the expressions of its ${...} are
        i = template(text, i + 1, names);
        prev = '`';
        lineStart = false;
      } else if (c == '\n') {
        lineStart = true;
        prev = c;
        i++;
      } else if (Character.isWhitespace(c)) {
        prev = c;
        i++;
      } else if (c == '.' && next == '.' && i + 2 < n && text.charAt(i + 2) == '.') {
        prev = ' ';
        lineStart = false;
        i += 3;
      } else if (isWord(c)) {
        int j = i;
        while (j < n && isWord(text.charAt(j))) {
          j++;
        }
        if (!Character.isDigit(c) && !isWord(prev) && prev != '.') {
          names.add(text.substring(i, j));
        }
        prev = text.charAt(j - 1);
        lineStart = false;
        i = j;
      } else {
        prev = c;
        lineStart = false;
        i++;
      }
    }
    return names;
  }

  private static boolean isWord(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
  }

  /** Index after the closing quote of the string starting at {@code i}, or -1 (unterminated on its line). */
  private static int stringEnd(String t, int i) {
    for (int j = i + 1; j < t.length(); j++) {
      char c = t.charAt(j);
      if (c == '\\' && j + 1 < t.length() && t.charAt(j + 1) != '\n') {
        j++;
      } else if (c == '"') {
        return j + 1;
      } else if (c == '\n' || c == '\\') {
        return -1;
      }
    }
    return -1;
  }

  private String entities() {
    StringBuilder sb = new StringBuilder("// Entities and their key builders (generated by ddbm from ").append(source).append(").\n");
    sb.append("import { Item, fill, pick, toValues } from \"./runtime\";\n");
    for (Schema.TableDef t : schema.tables()) {
      for (Schema.Entity e : t.entities().values()) {
        entity(sb, t, e);
      }
    }
    for (dev.ddbmodel.codegen.internal.plan.CollectionPlan c : dev.ddbmodel.codegen.internal.plan.Planner.plan(schema, source).collections()) {
      union(sb, c);
    }
    return sb.toString();
  }

  /** The discriminated union of an item collection: {@code entity} (the schema's entity name) tells the variants apart. */
  private static void union(StringBuilder sb, dev.ddbmodel.codegen.internal.plan.CollectionPlan c) {
    List<String> members = c.variants().stream().map(v -> cls(v.entity())).toList();
    sb.append("\n/** ").append(doc("An item of an item collection: one of " + String.join(", ", members))).append("; `entity` tells them apart. */\n");
    sb.append("export type ").append(c.typeName()).append(" =");
    for (dev.ddbmodel.codegen.internal.plan.CollectionPlan.Variant v : c.variants()) {
      sb.append("\n  | { entity: ").append(q(v.entity())).append("; item: ").append(cls(v.entity())).append(" }");
    }
    sb.append(";\n");
  }

  private void entity(StringBuilder sb, Schema.TableDef t, Schema.Entity e) {
    String c = cls(e.name());
    String f = fn(e.name());
    sb.append("\n/** ").append(doc(e.entityType() + " item of table " + t.name())).append(". */\nexport interface ").append(c).append(" {\n");
    List<String> names = new ArrayList<>();
    for (Schema.Field fl : e.fields()) {
      sb.append("  ").append(prop(fl.name())).append(fl.required() ? "" : "?").append(": ").append(tsType(fl)).append(fl.required() ? "" : " | undefined")
          .append(";\n");
      names.add(fl.name());
    }
    if (e.field("version").isEmpty()) {
      sb.append("  /** Optimistic locking: incremented by every update. */\n  version?: number | undefined;\n");
      names.add("version");
    }
    sb.append("}\n\n");
    sb.append("/** The attributes of a ").append(c).append(" item that are its fields. */\nexport const ").append(constName(e.name())).append("_FIELDS: readonly string[] = [")
        .append(String.join(", ", names.stream().map(TsWriter::q).toList())).append("];\n\n");
    sb.append("/** The primary key of a ").append(c).append(" from its key fields (").append(e.pkTemplate().text());
    e.skTemplate().ifPresent(s -> sb.append(", ").append(s.text()));
    sb.append("). */\nexport function ").append(f).append("Key(values: Item): Item {\n  const key: Item = {\n");
    sb.append("    ").append(prop(t.partitionKey())).append(": fill(").append(q(e.pkTemplate().text())).append(", values),\n");
    if (t.sortKey().isPresent() && e.skTemplate().isPresent()) {
      sb.append("    ").append(prop(t.sortKey().get())).append(": fill(").append(q(e.skTemplate().get().text())).append(", values),\n");
    }
    sb.append("  };\n  if (Object.values(key).some((v) => v === undefined)) {\n    throw new Error(\"cannot build the key of \" + ").append(q(e.name()))
        .append(" + ` from ${Object.keys(values).join(\", \")}`);\n  }\n  return key;\n}\n\n");
    sb.append("/** The key attributes of every GSI this entity is mapped to (omitted when a value is missing: sparse index). */\n");
    if (e.gsiMappings().isEmpty()) {
      sb.append("export function ").append(f).append("IndexKeys(_values: Item): Item {\n  return {};\n}\n\n");
    } else {
      indexKeys(sb, t, e, f);
    }
    entityItem(sb, e, c, f);
  }

  private static void indexKeys(StringBuilder sb, Schema.TableDef t, Schema.Entity e, String f) {
    sb.append("export function ").append(f).append("IndexKeys(values: Item): Item {\n  const keys: Item = {};\n");
    for (Schema.GsiMapping m : e.gsiMappings()) {
      Schema.GsiDef g = t.gsi(m.name()).orElseThrow();
      List<String> attrs = new ArrayList<>(g.partitionKey());
      List<KeyTemplate> ts = new ArrayList<>(m.pkTemplates());
      for (int i = 0; i < g.sortKey().size() && i < m.skTemplates().size(); i++) {
        attrs.add(g.sortKey().get(i));
        ts.add(m.skTemplates().get(i));
      }
      sb.append("  // ").append(g.name()).append("\n");
      for (int i = 0; i < attrs.size() && i < ts.size(); i++) {
        sb.append("  keys[").append(q(attrs.get(i))).append("] = fill(").append(q(ts.get(i).text())).append(", values);\n");
      }
    }
    sb.append("  for (const k of Object.keys(keys)) {\n    if (keys[k] === undefined) {\n      delete keys[k];\n    }\n  }\n");
    sb.append("  return keys;\n}\n\n");
  }

  private static void entityItem(StringBuilder sb, Schema.Entity e, String c, String f) {
    sb.append("/** The item stored for a ").append(c).append(": fields, GSI key attributes, entity_type and the primary key. */\n");
    sb.append("export function ").append(f).append("Item(entity: ").append(c).append("): Item {\n  const values = toValues(entity);\n");
    // the DAL's own version attribute: 0 when the entity has none, as in the Python and Java entities
    // (a batch or transactional write stores it; an update from the entity then finds the version it expects)
    boolean ownVersion = e.field("version").isEmpty();
    sb.append("  return { ...values, ").append(ownVersion ? "version: values[\"version\"] ?? 0, " : "").append("...").append(f).append("IndexKeys(values)");
    if (e.field("entity_type").isEmpty()) {
      sb.append(", entity_type: ").append(q(e.entityType()));
    }
    sb.append(", ...").append(f).append("Key(values) };\n}\n\n");
    sb.append("/** A ").append(c).append(" from a stored item (key and index attributes dropped). */\n");
    sb.append("export function ").append(f).append("FromItem(item: Item): ").append(c).append(" {\n");
    if (ownVersion) {
      sb.append("  const picked = pick(item, ").append(constName(e.name())).append("_FIELDS);\n");
      sb.append("  return { ...picked, version: picked[\"version\"] ?? 0 } as unknown as ").append(c).append(";\n}\n");
    } else {
      sb.append("  return pick(item, ").append(constName(e.name())).append("_FIELDS) as unknown as ").append(c).append(";\n}\n");
    }
  }

  static String constName(String entity) {
    return Names.upperSnake(cls(entity));
  }

  private String tables() {
    StringBuilder sb = new StringBuilder("// Creates the schema's tables, e.g. on DynamoDB Local (generated by ddbm from ").append(source).append(").\n");
    sb.append("import { CreateTableCommand, CreateTableCommandInput, DescribeTableCommand, DynamoDBClient, ListTablesCommand } from \"@aws-sdk/client-dynamodb\";\n\n");
    sb.append("/** The table definitions (on demand billing). */\nexport const TABLES: CreateTableCommandInput[] = [\n");
    for (Schema.TableDef t : schema.tables()) {
      Map<String, String> attrs = new LinkedHashMap<>();
      attrs.put(t.partitionKey(), PythonExtrasAccess.attrType(t, t.partitionKey()));
      t.sortKey().ifPresent(k -> attrs.put(k, PythonExtrasAccess.attrType(t, k)));
      for (Schema.GsiDef g : t.gsis()) {
        g.partitionKey().forEach(k -> attrs.putIfAbsent(k, PythonExtrasAccess.attrType(t, k)));
        g.sortKey().forEach(k -> attrs.putIfAbsent(k, PythonExtrasAccess.attrType(t, k)));
      }
      sb.append("  {\n    TableName: ").append(q(t.name())).append(",\n    BillingMode: \"PAY_PER_REQUEST\",\n    AttributeDefinitions: [\n");
      attrs.forEach((k, v) -> sb.append("      { AttributeName: ").append(q(k)).append(", AttributeType: \"").append(v).append("\" },\n"));
      sb.append("    ],\n    KeySchema: [").append(key(t.partitionKey(), "HASH"));
      t.sortKey().ifPresent(k -> sb.append(", ").append(key(k, "RANGE")));
      sb.append("],\n");
      if (!t.gsis().isEmpty()) {
        sb.append("    GlobalSecondaryIndexes: [\n");
        for (Schema.GsiDef g : t.gsis()) {
          List<String> ks = new ArrayList<>();
          g.partitionKey().forEach(k -> ks.add(key(k, "HASH")));
          g.sortKey().forEach(k -> ks.add(key(k, "RANGE")));
          sb.append("      {\n        IndexName: ").append(q(g.name())).append(",\n        KeySchema: [").append(String.join(", ", ks)).append("],\n");
          sb.append("        Projection: { ProjectionType: \"").append(g.projection()).append("\"");
          if (g.projection().equals("INCLUDE")) {
            sb.append(", NonKeyAttributes: [").append(String.join(", ", g.includedAttributes().stream().map(TsWriter::q).toList())).append("]");
          }
          sb.append(" },\n      },\n");
        }
        sb.append("    ],\n");
      }
      sb.append("  },\n");
    }
    sb.append("];\n\n");
    sb.append("/** Creates the tables that do not exist yet and waits until they are active. */\n");
    sb.append("export async function createTables(client: DynamoDBClient): Promise<void> {\n  const existing = new Set<string>();\n  let start: string | undefined;\n");
    sb.append("  do {\n    const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));\n");
    sb.append("    (page.TableNames ?? []).forEach((n) => existing.add(n));\n    start = page.LastEvaluatedTableName;\n  } while (start !== undefined);\n");
    sb.append("  for (const table of TABLES) {\n    if (table.TableName === undefined || existing.has(table.TableName)) {\n      continue;\n    }\n");
    sb.append("    await client.send(new CreateTableCommand(table));\n    for (let attempt = 0; attempt < 60; attempt++) {\n");
    sb.append("      const d = await client.send(new DescribeTableCommand({ TableName: table.TableName }));\n");
    sb.append("      if (d.Table?.TableStatus === \"ACTIVE\") {\n        break;\n      }\n      await new Promise((resolve) => setTimeout(resolve, 500));\n    }\n  }\n}\n");
    return sb.toString();
  }

  private static String key(String attr, String type) {
    return "{ AttributeName: " + q(attr) + ", KeyType: \"" + type + "\" }";
  }

  private String packageJson() {
    return String.join("\n",
        "{",
        "  \"name\": \"dynamodb-dal\",",
        "  \"version\": \"0.1.0\",",
        "  \"private\": true,",
        "  \"description\": \"Data access layer generated by ddbm\",",
        "  \"scripts\": {",
        "    \"build\": \"tsc -p .\",",
        "    \"examples\": \"node dist/usage_examples.js --endpoint http://127.0.0.1:8000\"",
        "  },",
        "  \"dependencies\": {",
        "    \"@aws-sdk/client-dynamodb\": \"" + SDK_VERSION + "\",",
        "    \"@aws-sdk/lib-dynamodb\": \"" + SDK_VERSION + "\"",
        "  },",
        "  \"devDependencies\": {",
        "    \"@types/node\": \"" + TYPES_NODE_VERSION + "\",",
        "    \"typescript\": \"" + TYPESCRIPT_VERSION + "\"",
        "  }",
        "}",
        "");
  }

  private String tsconfig() {
    return String.join("\n",
        "{",
        "  \"compilerOptions\": {",
        "    \"target\": \"ES2022\",",
        "    \"lib\": [\"ES2022\"],",
        "    \"module\": \"nodenext\",",
        "    \"moduleResolution\": \"nodenext\",",
        "    \"types\": [\"node\"],",
        "    \"rootDir\": \".\",",
        "    \"outDir\": \"dist\",",
        "    \"strict\": true,",
        "    \"noImplicitAny\": true,",
        "    \"noUnusedLocals\": true,",
        "    \"noUnusedParameters\": true,",
        "    \"noImplicitReturns\": true,",
        "    \"noFallthroughCasesInSwitch\": true,",
        "    \"forceConsistentCasingInFileNames\": true,",
        "    \"esModuleInterop\": true,",
        "    \"skipLibCheck\": true",
        "  },",
        "  \"include\": [\"src/**/*.ts\", \"usage_examples.ts\"]",
        "}",
        "");
  }
}
