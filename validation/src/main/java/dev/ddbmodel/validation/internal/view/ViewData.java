package dev.ddbmodel.validation.internal.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.AccessPatternSpec;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.IndexSpec;
import dev.ddbmodel.core.ItemWrite;
import dev.ddbmodel.core.ProjectionType;
import dev.ddbmodel.core.TableSpec;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommand;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommandParser;
import dev.ddbmodel.validation.internal.run.StaticChecksAccess;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the page shows, computed from the workspace before any HTML is written: the sample
 * items of every table and index grouped into item collections in DynamoDB's order, their entity
 * types, and for every access pattern the items it reads and writes, its verdict, capacity and
 * cost, and the warnings that apply.
 */
public final class ViewData {
  /** One sample item as stored after the model's items are loaded (deletes applied). */
  record Item(String id, TableSpec table, ObjectNode attributes, String entity) {}

  /** The items sharing one partition key value, in sort key order. */
  record Collection(List<JsonNode> partition, List<Item> items) {}

  /** The base table or one index: its key attributes, projection and collections. */
  record View(String domId, TableSpec table, Optional<IndexSpec> index, List<String> partitionKey, List<String> sortKey,
      List<Collection> collections, int entries, List<Note> warnings) {
    String title() {
      return index.map(i -> (i.global() ? "GSI " : "LSI ") + i.name()).orElse("Base table");
    }

    /** The attributes an index entry holds (all of them for the base table and ALL projections). */
    Optional<Set<String>> projected() {
      if (index.isEmpty() || index.get().projection().type() == ProjectionType.ALL) {
        return Optional.empty();
      }
      Set<String> s = new LinkedHashSet<>(table.keyAttributes());
      s.addAll(index.get().keyAttributes());
      if (index.get().projection().type() == ProjectionType.INCLUDE) {
        s.addAll(index.get().projection().nonKeyAttributes());
      }
      return Optional.of(s);
    }
  }

  /** A warning or note shown where it applies. */
  record Note(String id, String severity, String message, String hint) {
    static Note of(Diagnostic d) {
      return new Note(d.id(), d.severity().name().toLowerCase(java.util.Locale.ROOT), d.message(), d.hint());
    }
  }

  /** One access pattern and what the page knows about it. */
  record Pattern(String domId, AccessPatternSpec spec, Set<String> reads, Set<String> writes, int absent, Optional<String> viewDomId,
      List<String> notes, List<Note> findings, Optional<JsonNode> report, Optional<BigDecimal> monthlyCost) {}

  /** How the note about a key no sample item has begins (the page counts them). */
  static final String ABSENT = "No sample item of ";

  public final List<Item> items = new ArrayList<>();
  final Map<String, List<View>> views = new LinkedHashMap<>();
  public final List<Pattern> patterns = new ArrayList<>();
  final Map<String, Integer> entities = new LinkedHashMap<>();
  final List<Note> globalWarnings = new ArrayList<>();
  final Optional<JsonNode> report;
  final Optional<CostSection> cost;
  private final DataModel model;

  public ViewData(DataModel model, Optional<JsonNode> schema, Optional<JsonNode> report, Optional<CostSection> cost, List<Diagnostic> modelDiagnostics) {
    this.model = model;
    this.report = report;
    this.cost = cost;
    EntityTypes types = new EntityTypes(schema);
    for (TableSpec t : model.tables()) {
      Map<String, ObjectNode> byKey = new LinkedHashMap<>();
      for (ItemWrite w : model.itemsOf(t.name())) {
        String key = key(t, w.attributes());
        if (w.kind() == ItemWrite.Kind.PUT) {
          byKey.remove(key);
          byKey.put(key, w.attributes());
        } else {
          byKey.remove(key);
        }
      }
      List<Item> tableItems = new ArrayList<>();
      for (ObjectNode a : byKey.values()) {
        String entity = types.of(t, a);
        entities.merge(entity, 1, Integer::sum);
        tableItems.add(new Item("i" + items.size(), t, a, entity));
        items.add(tableItems.get(tableItems.size() - 1));
      }
      List<View> vs = new ArrayList<>();
      vs.add(view(t, Optional.empty(), tableItems, vs.size()));
      for (IndexSpec ix : t.indexes()) {
        vs.add(view(t, Optional.of(ix), tableItems, vs.size()));
      }
      views.put(t.name(), vs);
    }
    for (Diagnostic d : modelDiagnostics) {
      if (!place(d)) {
        globalWarnings.add(Note.of(d));
      }
    }
    report.ifPresent(r -> r.path("model_diagnostics").forEach(d -> {
      Note n = new Note(d.path("id").asText(), d.path("severity").asText("warning"), d.path("message").asText(), d.path("hint").asText(""));
      if (modelDiagnostics.stream().noneMatch(m -> m.id().equals(n.id()) && m.message().equals(n.message()))) {
        globalWarnings.add(n);
      }
    }));
    cost.ifPresent(c -> c.partitionFindings().forEach(w -> globalWarnings.add(new Note(w.id(), "warning", w.text(), ""))));
    List<AccessPatternSpec> aps = model.accessPatterns();
    for (int i = 0; i < aps.size(); i++) {
      patterns.add(pattern(aps.get(i), "p" + i));
    }
  }

  /** Puts a model diagnostic on the table or index its pointer names; false when it belongs to the whole model. */
  private boolean place(Diagnostic d) {
    String p = d.location().pointer();
    for (int i = 0; i < model.tables().size(); i++) {
      TableSpec t = model.tables().get(i);
      String tp = "/tables/" + i;
      String ip = Json.pointer("/items", t.name());
      if (!(p.equals(tp) || p.startsWith(tp + "/") || p.equals(ip) || p.startsWith(ip + "/"))) {
        continue;
      }
      List<View> vs = views.get(t.name());
      for (int g = 0; g < t.globalSecondaryIndexes().size(); g++) {
        String gp = tp + "/GlobalSecondaryIndexes/" + g;
        if (p.equals(gp) || p.startsWith(gp + "/")) {
          vs.get(1 + g).warnings().add(Note.of(d));
          return true;
        }
      }
      for (int l = 0; l < t.localSecondaryIndexes().size(); l++) {
        String lp = tp + "/LocalSecondaryIndexes/" + l;
        if (p.equals(lp) || p.startsWith(lp + "/")) {
          vs.get(1 + t.globalSecondaryIndexes().size() + l).warnings().add(Note.of(d));
          return true;
        }
      }
      vs.get(0).warnings().add(Note.of(d));
      return true;
    }
    return false;
  }

  /** The base table's primary key of an item, as canonical JSON. */
  static String key(TableSpec t, JsonNode item) {
    return Json.compact(t.keyAttributes().stream().map(k -> item.path(k)).toList());
  }

  private View view(TableSpec t, Optional<IndexSpec> ix, List<Item> tableItems, int n) {
    List<String> pk = ix.map(IndexSpec::partitionKeys).orElse(List.of(t.partitionKey()));
    List<String> sk = ix.map(IndexSpec::sortKeys).orElse(t.sortKey().map(List::of).orElse(List.of()));
    List<Item> in = new ArrayList<>();
    for (Item i : tableItems) {
      // an index holds only the items that have all its key attributes (sparse indexes)
      if (pk.stream().allMatch(i.attributes()::has) && sk.stream().allMatch(i.attributes()::has)) {
        in.add(i);
      }
    }
    Map<String, List<Item>> groups = new LinkedHashMap<>();
    Map<String, List<JsonNode>> partitionValues = new LinkedHashMap<>();
    for (Item i : in) {
      List<JsonNode> pv = pk.stream().map(i.attributes()::get).toList();
      String k = Json.compact(pv);
      groups.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
      partitionValues.put(k, pv);
    }
    List<Collection> cs = new ArrayList<>();
    for (Map.Entry<String, List<Item>> g : groups.entrySet()) {
      List<Item> sorted = new ArrayList<>(g.getValue());
      // sort key order; equal index keys keep the base table's key order, so the page is stable
      sorted.sort((a, b) -> {
        int c = AttributeValues.TUPLES.compare(values(a, sk), values(b, sk));
        return c != 0 ? c : AttributeValues.TUPLES.compare(values(a, t.keyAttributes()), values(b, t.keyAttributes()));
      });
      cs.add(new Collection(partitionValues.get(g.getKey()), sorted));
    }
    cs.sort((a, b) -> AttributeValues.TUPLES.compare(a.partition(), b.partition()));
    List<Note> warnings = new ArrayList<>();
    if (ix.isPresent() && ix.get().global()) {
      skew(ix.get(), cs, in.size()).ifPresent(warnings::add);
    }
    return new View("t" + model.tables().indexOf(t) + "-v" + n, t, ix, pk, sk, cs, in.size(), warnings);
  }

  private static List<JsonNode> values(Item i, List<String> attrs) {
    return attrs.stream().map(i.attributes()::get).toList();
  }

  /** A GSI whose sample entries crowd into one partition key value: a hot partition if real data looks the same. */
  private static Optional<Note> skew(IndexSpec ix, List<Collection> cs, int entries) {
    if (entries < 6 || cs.size() > 2) {
      return Optional.empty();
    }
    Collection biggest = cs.stream().max((a, b) -> Integer.compare(a.items().size(), b.items().size())).orElseThrow();
    if (biggest.items().size() * 10 < entries * 6) {
      return Optional.empty();
    }
    return Optional.of(new Note("View.FewPartitions", "warning",
        biggest.items().size() + " of the " + entries + " sample entries of GSI `" + ix.name() + "` share one partition key value (" + cs.size()
            + " value" + (cs.size() == 1 ? "" : "s") + " in all); if production data is shaped like this, that partition takes most of the index's"
            + " reads and writes (a hot partition)",
        "use a higher-cardinality partition key for the index, or shard it (e.g. append a suffix 0-9 and query each)"));
  }

  // ------------------------------------------------------------------ access patterns

  private Pattern pattern(AccessPatternSpec ap, String domId) {
    Set<String> reads = new LinkedHashSet<>();
    Set<String> writes = new LinkedHashSet<>();
    List<String> notes = new ArrayList<>();
    List<Note> findings = new ArrayList<>();
    Optional<String> viewId = Optional.empty();
    Optional<JsonNode> entry = reportEntry(ap.pattern());
    if (ap.implementation().isPresent()) {
      Validated<AwsCliCommand> parsed = AwsCliCommandParser.parse(ap.implementation().get(), SourceLocation.of("", ap.pointer()));
      if (!parsed.isValid()) {
        parsed.errors().forEach(d -> findings.add(Note.of(d)));
        notes.add("The command could not be parsed, so the items it touches are not known.");
      } else {
        AwsCliCommand cmd = parsed.unwrap();
        StaticChecksAccess.check(model, ap, cmd, SourceLocation.NONE).forEach(d -> findings.add(Note.of(d)));
        viewId = touch(cmd, reads, writes, notes);
      }
    }
    entry.ifPresent(e -> e.path("findings").forEach(f -> {
      Note n = new Note(f.path("id").asText(), f.path("severity").asText("warning"), f.path("message").asText(), f.path("hint").asText(""));
      if (findings.stream().noneMatch(x -> x.id().equals(n.id()) && x.message().equals(n.message()))) {
        findings.add(n);
      }
    }));
    cost.ifPresent(c -> c.warningsFor(ap.pattern()).forEach(w -> findings.add(new Note(w.id(), "warning", w.text(), ""))));
    Optional<BigDecimal> monthly = cost.flatMap(c -> Optional.ofNullable(c.patternCosts().get(ap.pattern())));
    int absent = (int) notes.stream().filter(n -> n.startsWith(ABSENT)).count();
    return new Pattern(domId, ap, reads, writes, absent, viewId, notes, findings, entry, monthly);
  }

  private Optional<JsonNode> reportEntry(String id) {
    if (report.isEmpty()) {
      return Optional.empty();
    }
    for (JsonNode e : report.get().path("validation_response")) {
      if (e.path("pattern_id").asText(e.path("pattern").asText()).equals(id)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** Adds the items the command reads and writes; returns the view it targets. */
  private Optional<String> touch(AwsCliCommand cmd, Set<String> reads, Set<String> writes, List<String> notes) {
    Optional<TableSpec> table = cmd.tableName().flatMap(model::findTable);
    String op = cmd.operation();
    switch (op) {
      case "GetItem", "UpdateItem", "DeleteItem" -> {
        if (table.isEmpty()) {
          return Optional.empty();
        }
        byKey(table.get(), cmd.json("key").orElse(null), op.equals("GetItem") ? reads : writes, notes);
        return Optional.of(views.get(table.get().name()).get(0).domId());
      }
      case "PutItem" -> {
        if (table.isEmpty()) {
          return Optional.empty();
        }
        byKey(table.get(), cmd.json("item").orElse(null), writes, notes);
        return Optional.of(views.get(table.get().name()).get(0).domId());
      }
      case "Query", "Scan" -> {
        if (table.isEmpty()) {
          return Optional.empty();
        }
        Optional<View> v = views.get(table.get().name()).stream()
            .filter(x -> x.index().map(IndexSpec::name).equals(cmd.string("index-name"))).findFirst();
        if (v.isEmpty()) {
          return Optional.empty();
        }
        if (op.equals("Scan")) {
          v.get().collections().forEach(c -> c.items().forEach(i -> reads.add(i.id())));
          notes.add("A Scan reads every entry of " + v.get().title().toLowerCase(java.util.Locale.ROOT) + "; all of them are highlighted.");
        } else {
          Map<String, String> names = new LinkedHashMap<>();
          cmd.json("expression-attribute-names").ifPresent(n -> n.properties().forEach(e -> names.put(e.getKey(), e.getValue().asText())));
          Optional<KeyCondition> kc = KeyCondition.parse(cmd.string("key-condition-expression").orElse(""), names,
              cmd.json("expression-attribute-values").orElse(null));
          if (kc.isEmpty()) {
            notes.add("The key condition could not be evaluated here, so no items are highlighted.");
          } else {
            v.get().collections().forEach(c -> c.items().forEach(i -> {
              if (kc.get().matches(i.attributes())) {
                reads.add(i.id());
              }
            }));
          }
          if (cmd.has("filter-expression")) {
            notes.add("Highlighted: the items the key condition reads (and you pay for); the filter then drops some of them from the result.");
          }
        }
        return Optional.of(v.get().domId());
      }
      case "BatchGetItem", "BatchWriteItem" -> {
        JsonNode ri = cmd.json("request-items").orElse(Json.object());
        ri.properties().forEach(e -> model.findTable(e.getKey()).ifPresent(t -> {
          if (op.equals("BatchGetItem")) {
            e.getValue().path("Keys").forEach(k -> byKey(t, k, reads, notes));
          } else {
            e.getValue().forEach(w -> byKey(t, w.has("PutRequest") ? w.path("PutRequest").path("Item") : w.path("DeleteRequest").path("Key"), writes, notes));
          }
        }));
        return firstTable(ri.fieldNames());
      }
      case "TransactGetItems", "TransactWriteItems" -> {
        List<String> tables = new ArrayList<>();
        for (JsonNode ti : cmd.json("transact-items").orElse(Json.array())) {
          for (var it = ti.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            Optional<TableSpec> t = model.findTable(e.getValue().path("TableName").asText());
            if (t.isEmpty()) {
              continue;
            }
            tables.add(t.get().name());
            boolean read = e.getKey().equals("Get") || e.getKey().equals("ConditionCheck");
            byKey(t.get(), e.getKey().equals("Put") ? e.getValue().path("Item") : e.getValue().path("Key"), read ? reads : writes, notes);
          }
        }
        return firstTable(tables.iterator());
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private Optional<String> firstTable(java.util.Iterator<String> names) {
    while (names.hasNext()) {
      List<View> vs = views.get(names.next());
      if (vs != null) {
        return Optional.of(vs.get(0).domId());
      }
    }
    return Optional.empty();
  }

  /** The sample item with the same primary key as {@code keyOrItem}, into {@code into}; a note when there is none. */
  private void byKey(TableSpec t, JsonNode keyOrItem, Set<String> into, List<String> notes) {
    if (keyOrItem == null || !keyOrItem.isObject()) {
      return;
    }
    String k = key(t, keyOrItem);
    for (Item i : items) {
      if (i.table() == t && key(t, i.attributes()).equals(k)) {
        into.add(i.id());
        return;
      }
    }
    notes.add(ABSENT + "`" + t.name() + "` has the key " + AttributeValues.display(Json.toTree(keyOnly(t, keyOrItem)), 200)
        + "; the pattern creates it, or expects it to exist.");
  }

  private static ObjectNode keyOnly(TableSpec t, JsonNode item) {
    ObjectNode o = Json.object();
    for (String k : t.keyAttributes()) {
      if (item.has(k)) {
        o.set(k, item.get(k));
      }
    }
    return Json.object().set("M", o);
  }
}
