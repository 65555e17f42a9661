package dev.ddbmodel.analyzer.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ddbmodel.analyzer.profile.ProfileResult.HeavyValue;
import dev.ddbmodel.analyzer.profile.ProfileResult.KeySkew;
import dev.ddbmodel.analyzer.profile.ProfileResult.Relationship;
import dev.ddbmodel.analyzer.profile.ProfileResult.TableProfile;
import dev.ddbmodel.analyzer.profile.ProfileResult.Workload;
import dev.ddbmodel.core.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code profile.json}: the profile for a script or an assistant, described by the JSON Schema
 * {@value #SCHEMA_RESOURCE} (and docs/profile.md). Names are snake_case; a figure that is unknown
 * or unbounded is {@code null}.
 */
public final class ProfileJson {
  /** Classpath location of the JSON Schema. */
  public static final String SCHEMA_RESOURCE = "/dev/ddbmodel/analyzer/profile/profile.schema.json";
  /** The file next to profile.md. */
  public static final String FILE = "profile.json";
  /** The value of {@code format}, raised when the document changes incompatibly. */
  public static final String FORMAT = "ddbm-profile/1";

  private ProfileJson() {}

  public static String render(ProfileResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", FORMAT);
    m.put("engine", r.engine());
    m.put("schema", r.schema());
    ProfileRequest l = r.limits();
    Map<String, Object> limits = new LinkedHashMap<>();
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
    m.put("limits", limits);
    List<Object> tables = new ArrayList<>();
    for (TableProfile t : r.tables()) {
      Map<String, Object> x = new LinkedHashMap<>();
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
        x.put("workload", null);
      } else {
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("reads", w.reads());
        y.put("writes", w.writes());
        y.put("reads_unit", w.readsUnit());
        y.put("writes_unit", w.writesUnit());
        y.put("window_seconds", w.seconds());
        y.put("reads_per_second", w.readsPerSecond());
        y.put("writes_per_second", w.writesPerSecond());
        y.put("reads_per_write", finite(w.ratio()));
        x.put("workload", y);
      }
      tables.add(x);
    }
    m.put("tables", tables);
    List<Object> rels = new ArrayList<>();
    for (Relationship x : r.relationships()) {
      Map<String, Object> y = new LinkedHashMap<>();
      y.put("name", x.name());
      y.put("child", x.child());
      y.put("child_columns", x.childColumns());
      y.put("parent", x.parent());
      y.put("parent_columns", x.parentColumns());
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
      rels.add(y);
    }
    m.put("relationships", rels);
    List<Object> keys = new ArrayList<>();
    for (KeySkew k : r.keys()) {
      Map<String, Object> y = new LinkedHashMap<>();
      y.put("table", k.table());
      y.put("column", k.column());
      y.put("roles", List.of(k.role().split(",")));
      y.put("distinct", k.distinct());
      y.put("distinct_estimated", k.distinctEstimated());
      y.put("source", k.source());
      List<Object> hv = new ArrayList<>();
      for (HeavyValue h : k.heaviest()) {
        Map<String, Object> z = new LinkedHashMap<>();
        z.put("value", h.value());
        z.put("share", h.share());
        z.put("saturates_at_reads_per_second", finite(h.saturatesAtReadsPerSecond()));
        z.put("saturates_at_writes_per_second", finite(h.saturatesAtWritesPerSecond()));
        z.put("hot", h.hot());
        hv.add(z);
      }
      y.put("heaviest", hv);
      keys.add(y);
    }
    m.put("keys", keys);
    m.put("skipped", r.skipped());
    List<Object> warnings = new ArrayList<>();
    for (Diagnostic d : r.diagnostics()) {
      Map<String, Object> y = new LinkedHashMap<>();
      y.put("id", d.id());
      y.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
      y.put("message", d.message());
      y.put("hint", d.hint());
      warnings.add(y);
    }
    m.put("warnings", warnings);
    m.put("statements", r.statements());
    m.put("elapsed_millis", r.elapsedMillis());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("profile.json could not be rendered", e);
    }
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? d : null;
  }
}
