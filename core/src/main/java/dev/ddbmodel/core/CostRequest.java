package dev.ddbmodel.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import dev.ddbmodel.core.json.JsonDocument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to price: the access patterns and tables (as the MCP tool {@code
 * compute_performances_and_costs} takes them) plus options beyond the reference calculator.
 *
 * @param patterns access patterns in input order
 * @param tables tables in input order
 * @param prices price table to use
 * @param compareProvisioned add a provisioned-capacity comparison with break-even
 * @param model optional data model whose sample items give measured item sizes
 */
public record CostRequest(List<CostInputs.Pattern> patterns, List<CostInputs.Table> tables, PriceTable prices,
    boolean compareProvisioned, Optional<DataModel> model) {
  /** Largest item size DynamoDB stores. */
  public static final int MAX_ITEM_BYTES = DynamoDbLimits.MAX_ITEM_BYTES;

  /** The top-level fields the cost input takes. */
  public static final List<String> ROOT_FIELDS = List.of("access_pattern_list", "table_list");

  /** The fields of one element of {@code access_pattern_list}, the only ones the reader looks at. */
  public static final List<String> PATTERN_FIELDS = List.of("pattern", "description", "operation", "table", "rps", "item_size_bytes",
      "item_count", "strongly_consistent", "gsi", "gsi_list", "distinct_partition_keys", "hot_key_share");

  /** The fields of one element of {@code table_list}. */
  public static final List<String> TABLE_FIELDS = List.of("name", "item_size_bytes", "item_count", "gsi_list");

  /** The fields of one element of a table's {@code gsi_list}. */
  public static final List<String> GSI_FIELDS = List.of("name", "item_size_bytes", "item_count");

  public CostRequest {
    patterns = List.copyOf(patterns);
    tables = List.copyOf(tables);
    Objects.requireNonNull(prices);
    model = Objects.requireNonNullElse(model, Optional.empty());
  }

  /** The same request with other options. */
  public CostRequest with(PriceTable p, boolean provisioned, Optional<DataModel> m) {
    return new CostRequest(patterns, tables, p, provisioned, m);
  }

  /**
   * Reads {@code {"access_pattern_list": [...], "table_list": [...]}} and reports every problem
   * at once (type, range, unknown operation, unknown table or GSI, duplicate ids and names, size
   * hierarchy pattern ≤ GSI ≤ table).
   */
  public static Validated<CostRequest> fromJson(JsonNode args, String file) {
    Reader r = new Reader(args, file);
    if (args.isObject()) {
      r.unknownFields(args, "", ROOT_FIELDS);
    }
    List<CostInputs.Table> tables = r.tables();
    List<CostInputs.Pattern> patterns = r.patterns(tables);
    return Validated.of(new CostRequest(patterns, tables, PriceTable.defaultTable(), false, Optional.empty()), r.out);
  }

  /**
   * Reads a cost input held as text, as {@link #fromJson} reads a parsed one: malformed JSON is a
   * diagnostic, not an exception, and the result equals what the same text read from a file gives.
   *
   * @param sourceName the name diagnostics report the input under, such as {@code cost_input.json}
   * @param text the cost input
   */
  public static Validated<CostRequest> parse(String sourceName, String text) {
    Validated<JsonDocument> doc = JsonDocument.parse(sourceName, text);
    return doc.isValid() ? fromJson(doc.unwrap().root(), sourceName) : Validated.invalid(doc.errors());
  }

  private static final class Reader {
    final JsonNode root;
    final String file;
    final List<Diagnostic> out = new ArrayList<>();
    JsonDocument doc;

    Reader(JsonNode root, String file) {
      this.root = root;
      this.file = file;
    }

    /** A field the reader does not know is ignored by the calculator: say so, with the closest known name. */
    void unknownFields(JsonNode n, String p, List<String> known) {
      n.fieldNames().forEachRemaining(f -> {
        if (!known.contains(f)) {
          warn("Cost.UnknownField", p + "/" + f.replace("~", "~0").replace("/", "~1"), "`" + f + "` is not a cost input field and is ignored",
              Suggestions.hint(f, known));
        }
      });
    }

    void error(String id, String ptr, String msg, String hint) {
      out.add(Diagnostic.error(id, msg, SourceLocation.of(file, ptr), hint));
    }

    /** A figure worth a second look that DynamoDB permits (e.g. one entity larger than the table's average). */
    void warn(String id, String ptr, String msg, String hint) {
      out.add(Diagnostic.warning(id, msg, SourceLocation.of(file, ptr), hint));
    }

    List<CostInputs.Table> tables() {
      List<CostInputs.Table> out2 = new ArrayList<>();
      JsonNode list = root.path("table_list");
      if (!list.isArray()) {
        error("Cost.Required", "/table_list", "`table_list` must be an array of tables", "list each table with name, item_size_bytes and item_count");
        return out2;
      }
      Set<String> names = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        JsonNode t = list.get(i);
        String p = "/table_list/" + i;
        if (!t.isObject()) {
          error("Cost.Type", p, "a table must be an object", "");
          continue;
        }
        unknownFields(t, p, TABLE_FIELDS);
        String name = text(t, p, "name");
        int size = intIn(t, p, "item_size_bytes", 1, MAX_ITEM_BYTES, true);
        long count = longAtLeast(t, p, "item_count", 1);
        List<CostInputs.Gsi> gsis = new ArrayList<>();
        JsonNode gl = t.path("gsi_list");
        if (!gl.isMissingNode() && !gl.isNull() && !gl.isArray()) {
          error("Cost.Type", p + "/gsi_list", "`gsi_list` must be an array", "");
        } else if (gl.size() > DynamoDbLimits.GSI_QUOTA) {
          error("Cost.Range", p + "/gsi_list", "a table has at most " + DynamoDbLimits.GSI_QUOTA + " GSIs (default quota), found " + gl.size(), "");
        }
        Set<String> gnames = new HashSet<>();
        for (int g = 0; gl.isArray() && g < gl.size(); g++) {
          JsonNode gn = gl.get(g);
          String gp = p + "/gsi_list/" + g;
          if (!gn.isObject()) {
            error("Cost.Type", gp, "a GSI must be an object", "");
            continue;
          }
          unknownFields(gn, gp, GSI_FIELDS);
          String gname = text(gn, gp, "name");
          int gsize = intIn(gn, gp, "item_size_bytes", 1, MAX_ITEM_BYTES, true);
          long gcount = longAtLeast(gn, gp, "item_count", 1);
          if (gname != null && !gnames.add(gname)) {
            error("Cost.DuplicateGsi", gp + "/name", "GSI `" + gname + "` appears twice in table `" + name + "`", "give each GSI its own name");
          }
          if (gsize > 0 && size > 0 && gsize > size) {
            warn("Cost.SizeHierarchy", gp + "/item_size_bytes", "GSI item size " + gsize + " B is larger than the table's item size " + size + " B",
                "an index item holds at most the table item's attributes; a sparse index of large items can still be larger on average");
          }
          if (gname != null && gsize > 0 && gcount > 0) {
            gsis.add(new CostInputs.Gsi(gname, gsize, gcount));
          }
        }
        if (name != null && !names.add(name)) {
          error("Cost.DuplicateTable", p + "/name", "table `" + name + "` appears twice", "merge the entries");
          continue;
        }
        if (name != null && size > 0 && count > 0) {
          out2.add(new CostInputs.Table(name, size, count, gsis));
        }
      }
      return out2;
    }

    List<CostInputs.Pattern> patterns(List<CostInputs.Table> tables) {
      List<CostInputs.Pattern> out2 = new ArrayList<>();
      JsonNode list = root.path("access_pattern_list");
      if (!list.isArray() || list.isEmpty()) {
        error("Cost.Required", "/access_pattern_list", "`access_pattern_list` must be a non-empty array",
            "list the access patterns from the model's access pattern mapping");
        return out2;
      }
      Map<String, CostInputs.Table> byName = new HashMap<>();
      tables.forEach(t -> byName.put(t.name(), t));
      Map<String, String> ids = new HashMap<>();
      List<String> ops = Arrays.stream(Operation.values()).map(Enum::name).toList();
      for (int i = 0; i < list.size(); i++) {
        JsonNode a = list.get(i);
        String p = "/access_pattern_list/" + i;
        if (!a.isObject()) {
          error("Cost.Type", p, "an access pattern must be an object", "");
          continue;
        }
        unknownFields(a, p, PATTERN_FIELDS);
        String id = text(a, p, "pattern");
        String desc = text(a, p, "description");
        String table = text(a, p, "table");
        Operation op = null;
        JsonNode opn = a.get("operation");
        if (opn == null || !opn.isTextual()) {
          error("Cost.Required", p + "/operation", "`operation` is required", "one of " + String.join(", ", ops));
        } else {
          try {
            op = Operation.valueOf(opn.asText());
          } catch (IllegalArgumentException e) {
            error("Cost.Operation", p + "/operation", "`" + opn.asText() + "` is not a DynamoDB operation", Suggestions.hint(opn.asText(), ops));
          }
        }
        double rps = positiveNumber(a, p, "rps");
        int size = intIn(a, p, "item_size_bytes", 1, MAX_ITEM_BYTES, true);
        int count = 1;
        if (op != null && op.needsItemCount()) {
          int max = op.maxItemCount() == 0 ? Integer.MAX_VALUE : op.maxItemCount();
          count = intIn(a, p, "item_count", 1, max, true);
        }
        boolean strong = false;
        if (a.has("strongly_consistent")) {
          JsonNode sc = a.get("strongly_consistent");
          if (!sc.isBoolean()) {
            error("Cost.Type", p + "/strongly_consistent", "`strongly_consistent` must be true or false", "write a JSON boolean");
          } else {
            strong = sc.asBoolean();
          }
        }
        Optional<String> gsi = Optional.empty();
        if (a.hasNonNull("gsi")) {
          gsi = Optional.of(a.get("gsi").asText());
          if (gsi.get().isEmpty()) {
            error("Cost.Empty", p + "/gsi", "`gsi` must not be empty", "leave it out for base-table reads");
          }
          if (op != null && !(op == Operation.Query || op == Operation.Scan)) {
            error("Cost.GsiOnOperation", p + "/gsi", "`gsi` only applies to Query and Scan", "remove it");
          }
          if (strong) {
            error("Cost.StrongOnGsi", p + "/strongly_consistent", "global secondary indexes support only eventually consistent reads",
                "set strongly_consistent to false");
          }
        }
        List<String> gsiList = new ArrayList<>();
        JsonNode gl = a.path("gsi_list");
        if (gl.isArray()) {
          if (op != null && op.read() && !gl.isEmpty()) {
            error("Cost.GsiListOnRead", p + "/gsi_list", "`gsi_list` (index write amplification) only applies to writes", "remove it");
          }
          for (int g = 0; g < gl.size(); g++) {
            String gn = gl.get(g).asText("");
            if (gn.isEmpty()) {
              error("Cost.Empty", p + "/gsi_list/" + g, "GSI names must not be empty", "");
            } else if (gsiList.contains(gn)) {
              error("Cost.DuplicateGsi", p + "/gsi_list/" + g, "GSI `" + gn + "` is listed twice", "list it once");
            } else {
              gsiList.add(gn);
            }
          }
        }
        Optional<Long> distinct = a.hasNonNull("distinct_partition_keys") ? Optional.of(longAtLeast(a, p, "distinct_partition_keys", 1)) : Optional.empty();
        Optional<Double> hot = Optional.empty();
        if (a.hasNonNull("hot_key_share")) {
          double h = a.get("hot_key_share").asDouble(-1);
          if (!(h > 0 && h <= 1)) {
            error("Cost.Range", p + "/hot_key_share", "`hot_key_share` must be in (0, 1]", "e.g. 0.05 when the busiest key gets 5% of the requests");
          } else {
            hot = Optional.of(h);
          }
        }
        if (id != null) {
          String prev = ids.putIfAbsent(id, p);
          if (prev != null) {
            error("Cost.DuplicatePattern", p + "/pattern", "pattern id `" + id + "` is already used at `" + prev + "`", "give each pattern its own id");
          }
        }
        CostInputs.Table t = table == null ? null : byName.get(table);
        if (table != null && t == null) {
          error("Cost.UnknownTable", p + "/table", "table `" + table + "` is not in `table_list`", Suggestions.hint(table, byName.keySet()));
        }
        if (t != null) {
          for (String g : gsi.map(List::of).orElse(List.of())) {
            checkGsi(t, g, p + "/gsi");
          }
          for (int g = 0; g < gsiList.size(); g++) {
            checkGsi(t, gsiList.get(g), p + "/gsi_list");
          }
          if (size > 0) {
            Optional<CostInputs.Gsi> target = gsi.flatMap(t::gsi);
            if (target.isPresent() && size > target.get().itemSizeBytes()) {
              warn("Cost.SizeHierarchy", p + "/item_size_bytes", "the pattern's item size " + size + " B exceeds GSI `" + target.get().name() + "`'s "
                  + target.get().itemSizeBytes() + " B", "fine when this entity is larger than the average item of the index (single-table design); otherwise check the sizes");
            } else if (gsi.isEmpty() && size > t.itemSizeBytes()) {
              warn("Cost.SizeHierarchy", p + "/item_size_bytes", "the pattern's item size " + size + " B exceeds table `" + t.name() + "`'s "
                  + t.itemSizeBytes() + " B", "fine when this entity is larger than the table's average item (single-table design); otherwise check the sizes");
            }
          }
        }
        if (id != null && desc != null && op != null && table != null && rps > 0 && size > 0 && count > 0) {
          out2.add(new CostInputs.Pattern(id, desc, op, table, rps, size, count, strong, gsi, gsiList, distinct, hot, p));
        }
      }
      return out2;
    }

    void checkGsi(CostInputs.Table t, String g, String p) {
      if (!g.isEmpty() && t.gsi(g).isEmpty()) {
        error("Cost.UnknownGsi", p, "table `" + t.name() + "` has no GSI `" + g + "`",
            Suggestions.hint(g, t.gsis().stream().map(CostInputs.Gsi::name).toList()));
      }
    }

    String text(JsonNode n, String p, String field) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        error("Cost.Required", p + "/" + field, "`" + field + "` is required", "");
        return null;
      }
      if (!v.isTextual() || v.asText().isEmpty()) {
        error("Cost.Type", p + "/" + field, "`" + field + "` must be a non-empty string", "");
        return null;
      }
      return v.asText();
    }

    int intIn(JsonNode n, String p, String field, int min, int max, boolean required) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        if (required) {
          error("Cost.Required", p + "/" + field, "`" + field + "` is required", "");
        }
        return -1;
      }
      if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
        error("Cost.Type", p + "/" + field, "`" + field + "` must be a whole number", "");
        return -1;
      }
      long x = v.asLong();
      if (x < min || x > max) {
        error("Cost.Range", p + "/" + field, "`" + field + "` must be between " + min + " and " + max + ", found " + x,
            field.equals("item_size_bytes") ? String.format(java.util.Locale.ROOT, "DynamoDB items are at most %d KB (%,d bytes)",
                DynamoDbLimits.MAX_ITEM_BYTES / 1024, DynamoDbLimits.MAX_ITEM_BYTES) : "");
        return -1;
      }
      return (int) x;
    }

    long longAtLeast(JsonNode n, String p, String field, long min) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        error("Cost.Required", p + "/" + field, "`" + field + "` is required", "");
        return -1;
      }
      if (!v.isIntegralNumber() || v.asLong() < min) {
        error("Cost.Range", p + "/" + field, "`" + field + "` must be a whole number of at least " + min, "");
        return -1;
      }
      return v.asLong();
    }

    double positiveNumber(JsonNode n, String p, String field) {
      JsonNode v = n.get(field);
      if (v == null || v.isNull()) {
        error("Cost.Required", p + "/" + field, "`" + field + "` is required", "");
        return -1;
      }
      if (!v.isNumber() || !(v.asDouble() > 0) || Double.isInfinite(v.asDouble())) {
        error("Cost.Range", p + "/" + field, "`" + field + "` must be a number greater than 0", "e.g. 0.5 for one request every two seconds");
        return -1;
      }
      return v.asDouble();
    }
  }
}
