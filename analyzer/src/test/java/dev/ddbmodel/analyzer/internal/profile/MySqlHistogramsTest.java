package dev.ddbmodel.analyzer.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reading MariaDB JSON_HB and MySQL 8 histograms into distinct counts and heavy values. */
class MySqlHistogramsTest {
  @Test
  void mariaDbJsonHistogram() {
    String json = "{\"target_histogram_size\": 254, \"collected_at\": \"2026-12-02 06:04:50\", \"histogram_hb\": ["
        + "{\"start\": \"1\", \"size\": 0.5, \"ndv\": 1}, {\"start\": \"2\", \"size\": 0.2, \"ndv\": 1}, {\"start\": \"7\", \"size\": 0.2, \"ndv\": 80},"
        + "{\"start\": \"9\", \"size\": 0.1, \"ndv\": 1, \"end\": \"9\"}]}";
    MySqlHistograms.Histogram h = MySqlHistograms.mariadb(0.1, 50, "JSON_HB", json, 5000, 2);
    assertThat(h.distinct()).isEqualTo(90); // 5000 rows * 0.9 not null / 50 per value
    assertThat(h.heaviest()).hasSize(2);
    assertThat(h.heaviest().get(0)[0]).isEqualTo("1");
    assertThat((double) h.heaviest().get(0)[1]).isCloseTo(0.45, within(1e-9));
    assertThat(h.heaviest().get(1)[0]).isEqualTo("2");
    assertThat(h.source()).doesNotContain("2026"); // no collection time: same statistics, same bytes
    assertThat(MySqlHistograms.mariadb(0, 50, "DOUBLE_PREC_HB", "\u0001\u0002", 5000, 2)).as("binary histograms name no values").isNull();
    assertThat(MySqlHistograms.mariadb(0, 50, "JSON_HB", "{not json", 5000, 2)).isNull();
  }

  @Test
  void mySql8SingletonAndEquiHeight() {
    String singleton = "{\"buckets\": [[\"base64:type254:cmVk\", 0.6], [\"base64:type254:Ymx1ZQ==\", 0.9]], \"null-values\": 0.1,"
        + " \"histogram-type\": \"singleton\"}";
    MySqlHistograms.Histogram s = MySqlHistograms.mysql(singleton, 5);
    assertThat(s.distinct()).isEqualTo(2);
    assertThat(s.heaviest().get(0)[0]).isEqualTo("red");
    assertThat((double) s.heaviest().get(0)[1]).isCloseTo(0.6, within(1e-9));
    assertThat(s.heaviest().get(1)[0]).isEqualTo("blue");
    assertThat((double) s.heaviest().get(1)[1]).isCloseTo(0.3, within(1e-9));
    String equi = "{\"buckets\": [[1, 1, 0.4, 1], [2, 90, 0.7, 89], [91, 91, 0.95, 1], [92, 100, 1.0, 9]], \"null-values\": 0,"
        + " \"histogram-type\": \"equi-height\"}";
    MySqlHistograms.Histogram e = MySqlHistograms.mysql(equi, 5);
    assertThat(e.distinct()).isEqualTo(100);
    assertThat(e.heaviest()).hasSize(2);
    assertThat(e.heaviest().get(0)[0]).isEqualTo("1");
    assertThat((double) e.heaviest().get(1)[1]).isCloseTo(0.25, within(1e-9));
    assertThat(MySqlHistograms.mysql("{\"buckets\": [[1]], \"histogram-type\": \"singleton\"}", 5)).isNull();
  }
}
