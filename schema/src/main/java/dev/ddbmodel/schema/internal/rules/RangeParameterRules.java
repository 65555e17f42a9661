package dev.ddbmodel.schema.internal.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parameters of a range query ({@code Schema.RangeParameters}): partition key values, sort key
 * equalities and the range value(s), not counting filter parameters, against the keys of the base
 * table or of the GSI it reads.
 */
final class RangeParameterRules {
  private RangeParameterRules() {}

  /** Range query parameter counts: partition key values, sort key equalities, range values. */
  static void count(SchemaRules r, JsonNode ap, SchemaRules.At pa, SchemaIndexRules.Gsi g, String rc) {
    JsonNode ps = ap.path("parameters");
    if (!ps.isArray() || ps.isEmpty()) {
      r.error("Schema.RangeParameters", pa.key("parameters"), "access patterns with range_condition need parameters", "list the key values and the range value(s)");
      return;
    }
    Set<String> filterParams = new HashSet<>();
    for (JsonNode c : ap.path("filter_expression").path("conditions")) {
      for (String k : List.of("param", "param2")) {
        if (c.path(k).isTextual()) {
          filterParams.add(c.get(k).asText());
        }
      }
      c.path("params").forEach(x -> filterParams.add(x.asText()));
    }
    int n = 0;
    for (JsonNode p : ps) {
      if (!filterParams.contains(p.path("name").asText())) {
        n++;
      }
    }
    int pk = g == null ? 1 : g.pk().size();
    int sk = g == null ? 0 : g.sk().size();
    int rv = rc.equals("between") ? 2 : 1;
    int min = pk + rv;
    int max = pk + Math.max(0, sk - 1) + rv;
    String note = filterParams.isEmpty() ? "" : " (not counting filter parameters)";
    if (n < min) {
      r.error("Schema.RangeParameters", pa.key("parameters"), "range condition `" + rc + "` needs at least " + min + " parameters (" + pk + " partition key + " + rv
          + " range value" + (rv > 1 ? "s" : "") + ")" + note + ", got " + n, "add the missing key or range parameters");
    } else if (g == null && n > min) {
      r.error("Schema.RangeParameters", pa.key("parameters"), "range condition `" + rc + "` on the base table takes exactly " + min + " parameters" + note + ", got " + n,
          "extra conditions belong in filter_expression");
    } else if (g != null && n > max) {
      r.error("Schema.RangeParameters", pa.key("parameters"), "range condition `" + rc + "` on GSI `" + g.name() + "` takes at most " + max + " parameters (" + pk
          + " partition key + " + (sk - 1) + " sort key equalities + " + rv + " range)" + note + ", got " + n, "extra conditions belong in filter_expression");
    }
  }
}
