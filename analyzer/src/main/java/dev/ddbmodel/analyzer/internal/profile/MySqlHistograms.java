package dev.ddbmodel.analyzer.internal.profile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Column histograms of MySQL and MariaDB as a skew source, read before any sampled GROUP BY:
 * MariaDB's {@code mysql.column_stats} (filled by {@code ANALYZE TABLE ... PERSISTENT FOR ...};
 * only {@code JSON_HB} histograms name their values, the binary height-balanced ones do not) and
 * MySQL 8's {@code information_schema.COLUMN_STATISTICS} ({@code ANALYZE TABLE ... UPDATE HISTOGRAM
 * ON ...}; singleton and equi-height). A value whose bucket holds it alone is a heavy value with
 * that bucket's share; a value heavy enough to matter always has a bucket of its own.
 */
final class MySqlHistograms {
  private MySqlHistograms() {}

  /**
   * What a histogram says about a column.
   *
   * @param distinct distinct non-null values, or -1 when the histogram does not tell
   * @param heaviest values with their share of all rows (NULLs included), heaviest first
   */
  record Histogram(long distinct, List<Object[]> heaviest, String source) {}

  static final String MARIADB_SOURCE = "MariaDB histogram (mysql.column_stats, JSON_HB, from ANALYZE TABLE ... PERSISTENT)";
  static final String MYSQL_SOURCE = "MySQL histogram (information_schema.COLUMN_STATISTICS, from ANALYZE TABLE ... UPDATE HISTOGRAM)";

  /** A MariaDB column_stats row; null when it has no JSON histogram. */
  static Histogram mariadb(double nullsRatio, double avgFrequency, String histType, String histogram, long rows, int top) {
    if (!"JSON_HB".equals(histType) || histogram == null) {
      return null;
    }
    JsonNode buckets;
    try {
      buckets = Json.mapper().readTree(histogram).path("histogram_hb");
    } catch (java.io.IOException e) {
      return null;
    }
    if (!buckets.isArray() || buckets.isEmpty()) {
      return null;
    }
    double notNull = 1 - nullsRatio;
    List<Object[]> heavy = new ArrayList<>();
    long ndv = 0;
    for (JsonNode b : buckets) {
      ndv += b.path("ndv").asLong();
      if (b.path("ndv").asLong() == 1 && b.path("start").isTextual()) {
        heavy.add(new Object[] {b.path("start").asText(), b.path("size").asDouble() * notNull});
      }
    }
    long distinct = avgFrequency > 0 && rows >= 0 ? Math.round(rows * notNull / avgFrequency) : ndv;
    return new Histogram(distinct, top(heavy, top), MARIADB_SOURCE);
  }

  /** A MySQL 8 COLUMN_STATISTICS histogram document; null when it cannot be read. */
  static Histogram mysql(String histogram, int top) {
    JsonNode doc;
    try {
      doc = Json.mapper().readTree(histogram == null ? "" : histogram);
    } catch (java.io.IOException e) {
      return null;
    }
    if (doc == null || !doc.path("buckets").isArray()) {
      return null;
    }
    String type = doc.path("histogram-type").asText();
    List<Object[]> heavy = new ArrayList<>();
    double previous = 0;
    long distinct = 0;
    for (JsonNode b : doc.path("buckets")) {
      if (type.equals("singleton") && b.size() >= 2) {
        double cum = b.get(1).asDouble();
        heavy.add(new Object[] {value(b.get(0)), cum - previous});
        previous = cum;
        distinct++;
      } else if (type.equals("equi-height") && b.size() >= 4) {
        double cum = b.get(2).asDouble();
        long ndv = b.get(3).asLong();
        distinct += ndv;
        if (ndv == 1) {
          heavy.add(new Object[] {value(b.get(0)), cum - previous});
        }
        previous = cum;
      } else {
        return null;
      }
    }
    return new Histogram(distinct, top(heavy, top), MYSQL_SOURCE);
  }

  /** A bucket value: numbers and dates as text; strings are {@code base64:type254:<base64>}. */
  static String value(JsonNode v) {
    String s = v.asText();
    if (v.isTextual() && s.startsWith("base64:type")) {
      int colon = s.indexOf(':', "base64:".length());
      try {
        return new String(Base64.getDecoder().decode(s.substring(colon + 1)), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return s;
      }
    }
    return s;
  }

  private static List<Object[]> top(List<Object[]> heavy, int top) {
    heavy.sort(Comparator.<Object[]>comparingDouble(h -> -(double) h[1]).thenComparing(h -> (String) h[0]));
    return new ArrayList<>(heavy.subList(0, Math.min(top, heavy.size())));
  }
}
