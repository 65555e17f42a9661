package dev.ddbmodel.schema.bench;

import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.schema.SchemaLoader;
import java.util.List;
import java.util.Locale;

/** Validation of a generated 500-entity schema.json versus plain JSON parsing of the same text, measured in one run. */
public final class SchemaValidationBench {
  private SchemaValidationBench() {}

  static String schema(int entities) {
    StringBuilder sb = new StringBuilder("{\"tables\": [");
    for (int t = 0; t < entities / 10; t++) {
      sb.append(t > 0 ? "," : "").append("{\"table_config\": {\"table_name\": \"Table").append(t).append("\", \"partition_key\": \"pk\", \"sort_key\": \"sk\"},");
      sb.append("\"gsi_list\": [{\"name\": \"ByStatus\", \"partition_key\": [\"tenant\", \"status\"], \"sort_key\": \"created\", \"projection\": \"ALL\"}],");
      sb.append("\"entities\": {");
      for (int e = 0; e < 10; e++) {
        int id = t * 10 + e;
        sb.append(e > 0 ? "," : "").append("\"Entity").append(id).append("\": {\"entity_type\": \"E").append(id)
            .append("\", \"pk_template\": \"T#{tenant}#E").append(id).append("#{id}\", \"sk_template\": \"META#{created}\",")
            .append("\"gsi_mappings\": [{\"name\": \"ByStatus\", \"pk_template\": [\"{tenant}\", \"{status}\"], \"sk_template\": \"{created}\"}],")
            .append("\"fields\": [{\"name\": \"tenant\", \"type\": \"string\", \"required\": true}, {\"name\": \"id\", \"type\": \"string\", \"required\": true},")
            .append("{\"name\": \"status\", \"type\": \"string\", \"required\": true}, {\"name\": \"created\", \"type\": \"string\", \"required\": true},")
            .append("{\"name\": \"total\", \"type\": \"decimal\", \"required\": false}],")
            .append("\"access_patterns\": [{\"pattern_id\": ").append(id * 3).append(", \"name\": \"get\", \"description\": \"d\", \"operation\": \"GetItem\",")
            .append("\"parameters\": [{\"name\": \"tenant\", \"type\": \"string\"}, {\"name\": \"id\", \"type\": \"string\"}, {\"name\": \"created\", \"type\": \"string\"}], \"return_type\": \"single_entity\"},")
            .append("{\"pattern_id\": ").append(id * 3 + 1).append(", \"name\": \"by_status\", \"description\": \"d\", \"operation\": \"Query\", \"index_name\": \"ByStatus\", \"range_condition\": \">=\",")
            .append("\"parameters\": [{\"name\": \"tenant\", \"type\": \"string\"}, {\"name\": \"status\", \"type\": \"string\"}, {\"name\": \"since\", \"type\": \"string\"}], \"return_type\": \"entity_list\"},")
            .append("{\"pattern_id\": ").append(id * 3 + 2).append(", \"name\": \"big\", \"description\": \"d\", \"operation\": \"Scan\", \"parameters\": [{\"name\": \"min\", \"type\": \"decimal\"}],")
            .append("\"filter_expression\": {\"conditions\": [{\"field\": \"total\", \"operator\": \">=\", \"param\": \"min\"}]}, \"return_type\": \"entity_list\"}]}");
      }
      sb.append("}}");
    }
    return sb.append("]}").toString();
  }

  public static void main(String[] args) throws Exception {
    String text = schema(500);
    List<Runnable> subjects = List.of(
        () -> readTree(text),
        () -> JsonDocument.parse("bench.json", text).unwrap(),
        () -> SchemaLoader.parse("bench.json", text).unwrap());
    for (int i = 0; i < 20; i++) {
      subjects.forEach(Runnable::run);
    }
    // interleaved rounds (a load burst hits every subject alike), a collection before each block,
    // the median block per subject
    int rounds = 15;
    int perBlock = 4;
    double[][] ms = new double[subjects.size()][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int s = 0; s < subjects.size(); s++) {
        System.gc();
        long t0 = System.nanoTime();
        for (int k = 0; k < perBlock; k++) {
          subjects.get(s).run();
        }
        ms[s][r] = (System.nanoTime() - t0) / 1e6 / perBlock;
      }
    }
    double parse = median(ms[0]);
    double located = median(ms[1]);
    double validate = median(ms[2]);
    System.out.printf(Locale.ROOT, "Schema validation, 500 entities (%,d bytes), median of %d interleaved rounds%n", text.length(), rounds);
    System.out.printf(Locale.ROOT, "  plain Jackson parse:          %7.2f ms (1.00)%n", parse);
    System.out.printf(Locale.ROOT, "  parse with positions:         %7.2f ms (%.2fx)%n", located, located / parse);
    System.out.printf(Locale.ROOT, "  parse + all schema rules:     %7.2f ms (%.2fx; target < 5x)%n", validate, validate / parse);
  }

  private static void readTree(String text) {
    try {
      Json.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static double median(double[] v) {
    double[] c = v.clone();
    java.util.Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
  }
}
