package dev.ddbmodel.analyzer.internal.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.HeavyValue;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.KeySkew;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Relationship;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.TableProfile;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Workload;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.Json;
import java.util.List;

/**
 * The data profile as JSON: the {@code profile.result} part of {@code analysis.json}, described by
 * {@code $defs/profile} of its JSON Schema (docs/analysis.md). Names are snake_case; a figure that
 * is unknown or unbounded is {@code null}. Deterministic: no timing, declared order.
 */
public final class ProfileJson {
  private ProfileJson() {}

  public static ObjectNode tree(ProfileResult r) {
    ObjectNode m = Json.object();
    m.put("engine", r.engine());
    m.put("schema", r.schema());
    ProfileRequest l = r.limits();
    ObjectNode limits = m.putObject("limits");
    limits.put("statement_timeout_seconds", l.statementTimeout().toSeconds());
    limits.put("budget_seconds", l.budget().toSeconds());
    limits.put("exact_row_limit", l.exactRowLimit());
    limits.put("sample_parents", l.sampleParents());
    limits.put("sample_rows", l.sampleRows());
    limits.put("item_sample_rows", l.itemSampleRows());
    limits.put("top_values", l.topValues());
    limits.put("max_tables", l.maxTables());
    limits.put("assumed_reads_per_second", l.assumedReadsPerSecond());
    limits.put("assumed_writes_per_second", l.assumedWritesPerSecond());
    limits.put("cardinality_few_max", Profiler.FEW);
    limits.put("cardinality_many_max", Profiler.MANY);
    ArrayNode tables = m.putArray("tables");
    for (TableProfile t : r.tables()) {
      ObjectNode x = tables.addObject();
      x.put("name", t.name());
      x.put("rows", t.rows());
      x.put("rows_estimated", t.rowsEstimated());
      x.put("avg_row_bytes", t.avgRowBytes());
      x.put("max_row_bytes", t.maxRowBytes());
      x.put("row_size_method", t.rowSizeMethod());
      x.put("avg_item_bytes", t.avgItemBytes());
      x.put("max_item_bytes", t.maxItemBytes());
      x.put("item_sample", t.itemSample());
      Workload w = t.workload();
      if (w == null) {
        x.putNull("workload");
      } else {
        ObjectNode y = x.putObject("workload");
        y.put("reads", w.reads());
        y.put("writes", w.writes());
        y.put("reads_unit", w.readsUnit());
        y.put("writes_unit", w.writesUnit());
        y.put("window_seconds", w.seconds());
        y.put("reads_per_second", w.readsPerSecond());
        y.put("writes_per_second", w.writesPerSecond());
        y.put("reads_per_write", finite(w.ratio()));
      }
    }
    ArrayNode rels = m.putArray("relationships");
    for (Relationship x : r.relationships()) {
      ObjectNode y = rels.addObject();
      y.put("name", x.name());
      y.put("child", x.child());
      x.childColumns().forEach(y.putArray("child_columns")::add);
      y.put("parent", x.parent());
      x.parentColumns().forEach(y.putArray("parent_columns")::add);
      y.put("parents", x.parents());
      y.put("measured", x.measured());
      y.put("sampled", x.sampled());
      y.put("min", x.min());
      y.put("median", x.median());
      y.put("p99", x.p99());
      y.put("max", x.max());
      y.put("mean", x.mean());
      y.put("none_share", x.noneShare());
      y.put("cardinality", x.cardinality().label());
      y.put("max_source", x.maxSource());
    }
    ArrayNode keys = m.putArray("keys");
    for (KeySkew k : r.keys()) {
      ObjectNode y = keys.addObject();
      y.put("table", k.table());
      y.put("column", k.column());
      List.of(k.role().split(",")).forEach(y.putArray("roles")::add);
      y.put("distinct", k.distinct());
      y.put("distinct_estimated", k.distinctEstimated());
      y.put("source", k.source());
      ArrayNode hv = y.putArray("heaviest");
      for (HeavyValue h : k.heaviest()) {
        ObjectNode z = hv.addObject();
        z.put("value", h.value());
        z.put("share", h.share());
        z.put("saturates_at_reads_per_second", finite(h.saturatesAtReadsPerSecond()));
        z.put("saturates_at_writes_per_second", finite(h.saturatesAtWritesPerSecond()));
        z.put("hot", h.hot());
      }
    }
    r.skipped().forEach(m.putArray("skipped")::add);
    ArrayNode warnings = m.putArray("warnings");
    for (Diagnostic d : r.diagnostics()) {
      ObjectNode y = warnings.addObject();
      y.put("id", d.id());
      y.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
      y.put("message", d.message());
      y.put("hint", d.hint());
    }
    m.put("statements", r.statements());
    return m;
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
