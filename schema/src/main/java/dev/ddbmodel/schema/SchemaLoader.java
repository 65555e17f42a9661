package dev.ddbmodel.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.schema.internal.rules.SchemaChecks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and checks {@code schema.json}; a valid document becomes {@link Schema} records. */
public final class SchemaLoader {
  private SchemaLoader() {}

  /** All findings with their dotted paths. */
  public static List<SchemaIssue> check(JsonDocument doc) {
    return SchemaChecks.check(doc, SchemaLoader::build);
  }

  public static Validated<Schema> load(Path file) {
    return JsonDocument.read(file, file.getFileName().toString()).flatMap(SchemaLoader::fromDocument);
  }

  public static Validated<Schema> parse(String name, String text) {
    return JsonDocument.parse(name, text).flatMap(SchemaLoader::fromDocument);
  }

  public static Validated<Schema> fromDocument(JsonDocument doc) {
    List<Diagnostic> ds = check(doc).stream().map(SchemaIssue::diagnostic).toList();
    if (ds.stream().anyMatch(Diagnostic::isError)) {
      return Validated.invalid(ds);
    }
    return Validated.valid(build(doc.root()), ds);
  }

  static Schema build(JsonNode root) {
    List<Schema.TableDef> tables = new ArrayList<>();
    for (JsonNode t : root.path("tables")) {
      JsonNode tc = t.path("table_config");
      List<Schema.GsiDef> gsis = new ArrayList<>();
      for (JsonNode g : t.path("gsi_list")) {
        List<String> inc = new ArrayList<>();
        g.path("included_attributes").forEach(x -> inc.add(x.asText()));
        gsis.add(new Schema.GsiDef(g.path("name").asText(), strings(g.get("partition_key")), strings(g.get("sort_key")),
            g.path("projection").asText("ALL"), inc));
      }
      Map<String, Schema.Entity> entities = new LinkedHashMap<>();
      t.path("entities").properties().forEach(e -> entities.put(e.getKey(), entity(e.getKey(), e.getValue())));
      tables.add(new Schema.TableDef(tc.path("table_name").asText(), tc.path("partition_key").asText(), text(tc, "sort_key"), gsis, entities));
    }
    List<Schema.CrossTablePattern> xs = new ArrayList<>();
    for (JsonNode x : root.path("cross_table_access_patterns")) {
      List<Schema.Involvement> inv = new ArrayList<>();
      JsonNode xps = x.path("parameters");
      x.path("entities_involved").forEach(i -> inv.add(new Schema.Involvement(i.path("table").asText(), i.path("entity").asText(),
          i.path("action").asText(), text(i, "condition"), text(i, "for_each"), refs(i.get("key"), xps), refs(i.get("values"), xps),
          names(i.get("names")), text(i, "update"), objectOrEmpty(i.get("condition")).flatMap(SchemaLoader::conditions),
          objectOrEmpty(i.get("update")).flatMap(SchemaLoader::updateActions))));
      xs.add(new Schema.CrossTablePattern(x.path("pattern_id").asInt(), x.path("name").asText(), x.path("description").asText(""),
          x.path("operation").asText(), inv, params(x.path("parameters")), x.path("return_type").asText()));
    }
    return new Schema(tables, xs);
  }

  private static Schema.Entity entity(String name, JsonNode e) {
    List<Schema.Field> fields = new ArrayList<>();
    for (JsonNode f : e.path("fields")) {
      fields.add(new Schema.Field(f.path("name").asText(), Schema.FieldType.parse(f.path("type").asText()).orElseThrow(),
          f.path("required").asBoolean(), text(f, "item_type")));
    }
    List<Schema.GsiMapping> maps = new ArrayList<>();
    for (JsonNode m : e.path("gsi_mappings")) {
      maps.add(new Schema.GsiMapping(m.path("name").asText(), templates(m.get("pk_template")), templates(m.get("sk_template"))));
    }
    List<Schema.AccessPattern> aps = new ArrayList<>();
    for (JsonNode ap : e.path("access_patterns")) {
      aps.add(new Schema.AccessPattern(ap.path("pattern_id").asInt(), ap.path("name").asText(), ap.path("description").asText(""),
          ap.path("operation").asText(), ap.path("return_type").asText(), params(ap.path("parameters")), text(ap, "index_name"),
          text(ap, "range_condition"), ap.path("consistent_read").asBoolean(false), conditions(ap.get("filter_expression")),
          conditions(ap.get("condition")), updateActions(ap.get("update")), text(ap, "batch_action").orElse("Put"), strings(ap.get("collection_entities"))));
    }
    return new Schema.Entity(name, e.path("entity_type").asText(), KeyTemplate.parse(e.path("pk_template").asText()),
        text(e, "sk_template").map(KeyTemplate::parse), fields, maps, aps);
  }

  /** A filter expression, write condition or condition check: one grammar. */
  static Optional<Schema.FilterExpression> conditions(JsonNode fe) {
    if (fe == null || fe.isNull()) {
      return Optional.empty();
    }
    List<Schema.FilterCondition> cs = new ArrayList<>();
    for (JsonNode c : fe.path("conditions")) {
      List<Schema.Operand> ps = new ArrayList<>();
      c.path("params").forEach(p -> ps.add(operand(p)));
      cs.add(new Schema.FilterCondition(c.path("field").asText(), text(c, "operator"), text(c, "function"), operandOf(c, "param"), operandOf(c, "param2"), ps));
    }
    return Optional.of(new Schema.FilterExpression(cs, fe.path("logical_operator").asText("AND")));
  }

  private static Optional<Schema.Operand> operandOf(JsonNode c, String key) {
    JsonNode v = c.get(key);
    if (v == null || v.isNull() || v.isTextual() && v.asText().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(operand(v));
  }

  /**
   * A value of a condition term or an update action: a string names a parameter, {@code
   * {"literal": x}} is a constant, {@code {"attribute": "f"}} another attribute of the item.
   */
  static Schema.Operand operand(JsonNode v) {
    if (v.isObject() && v.has("literal")) {
      return new Schema.Operand.Literal(v.get("literal").toString());
    }
    if (v.isObject() && v.has("attribute")) {
      return new Schema.Operand.Attribute(v.get("attribute").asText());
    }
    return new Schema.Operand.Param(v.asText());
  }

  private static Optional<JsonNode> objectOrEmpty(JsonNode n) {
    return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
  }

  private static Optional<Schema.UpdateActions> updateActions(JsonNode u) {
    if (u == null || u.isNull()) {
      return Optional.empty();
    }
    List<Schema.SetAction> set = new ArrayList<>();
    u.path("set").forEach(a -> set.add(new Schema.SetAction(a.path("field").asText(), text(a, "operator").orElse("="), operand(a.path("param")),
        a.path("if_not_exists").asBoolean(false))));
    List<String> remove = new ArrayList<>();
    u.path("remove").forEach(a -> remove.add(a.asText()));
    List<Schema.AddAction> add = new ArrayList<>();
    u.path("add").forEach(a -> add.add(new Schema.AddAction(a.path("field").asText(), operand(a.path("param")))));
    return Optional.of(new Schema.UpdateActions(set, remove, add, u.path("upsert").asBoolean(false)));
  }

  private static List<Schema.Parameter> params(JsonNode ps) {
    List<Schema.Parameter> out = new ArrayList<>();
    ps.forEach(p -> out.add(new Schema.Parameter(p.path("name").asText(), p.path("type").asText(), text(p, "entity_type"))));
    return out;
  }

  /** The value sources of a {@code key} or {@code values} object of a transaction action. */
  private static Map<String, Schema.ValueRef> refs(JsonNode n, JsonNode params) {
    Map<String, Schema.ValueRef> out = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      n.properties().forEach(f -> out.put(f.getKey(), ref(f.getValue(), params)));
    }
    return out;
  }

  /**
   * A value source: a string names a parameter ({@code store_id}) or a field of an entity or list
   * parameter ({@code order.status}, {@code lines.quantity}); {@code {"literal": x}} or a bare
   * number or boolean is a constant.
   */
  static Schema.ValueRef ref(JsonNode v, JsonNode params) {
    if (v.isTextual()) {
      String s = v.asText();
      boolean whole = false;
      for (JsonNode p : params) {
        whole |= p.path("name").asText().equals(s);
      }
      int dot = s.indexOf('.');
      if (whole || dot < 0) {
        return new Schema.ValueRef.Ref(s, Optional.empty());
      }
      return new Schema.ValueRef.Ref(s.substring(0, dot), Optional.of(s.substring(dot + 1)));
    }
    JsonNode lit = v.isObject() ? v.path("literal") : v;
    return new Schema.ValueRef.Literal(lit.toString());
  }

  private static Map<String, String> names(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n != null && n.isObject()) {
      n.properties().forEach(f -> out.put(f.getKey(), f.getValue().asText()));
    }
    return out;
  }

  private static List<KeyTemplate> templates(JsonNode n) {
    List<KeyTemplate> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(x -> out.add(KeyTemplate.parse(x.asText())));
    } else {
      out.add(KeyTemplate.parse(n.asText()));
    }
    return out;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isArray()) {
      n.forEach(x -> out.add(x.asText()));
    } else {
      out.add(n.asText());
    }
    return out;
  }

  private static Optional<String> text(JsonNode n, String f) {
    JsonNode v = n.get(f);
    return v == null || v.isNull() || !v.isTextual() || v.asText().isEmpty() ? Optional.empty() : Optional.of(v.asText());
  }
}
