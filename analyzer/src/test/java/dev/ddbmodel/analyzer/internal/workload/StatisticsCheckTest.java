package dev.ddbmodel.analyzer.internal.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.ddbmodel.analyzer.ResultTable;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each statistics finding is a warning diagnostic with its own id, created by the check. */
class StatisticsCheckTest {
  static final List<String> COLUMNS = List.of("enabled", "all_entries", "max_entries", "evicted", "window_seconds", "since",
      "prepared_statements", "prepared_executions");

  static StatisticsCheck.Findings of(String dialect, List<String> row, List<List<String>> patterns, Map<String, Integer> leftOut) {
    return StatisticsCheck.of(dialect, List.of(new ResultTable("statistics_status", COLUMNS, List.of(row), false, null),
        new ResultTable("query_pattern_analysis", List.of("text"), patterns, false, null)), leftOut);
  }

  @Test
  void unreadableStatisticsAreOff() {
    var f = StatisticsCheck.of("postgresql", List.of(ResultTable.failed("statistics_status", "42000: denied")), Map.of());
    assertThat(f.warnings()).extracting(Diagnostic::id, Diagnostic::severity).containsExactly(tuple("Analyzer.StatisticsOff", Severity.WARNING));
    assertThat(f.warnings().get(0).message()).startsWith("statistics off or unreadable: 42000: denied (install pg_stat_statements");
  }

  @Test
  void fullShortWindowAndPreparedStatementsAndLeftOut() {
    var f = of("mysql", List.of("1", "5000", "5000", "12", "600", "2026-01-01 00:00:00", "3", "40"), List.of(List.of("SELECT 1")),
        Map.of("ddl", 2));
    assertThat(f.warnings()).extracting(Diagnostic::id).containsExactly("Analyzer.StatisticsFull", "Analyzer.StatisticsWindow",
        "Analyzer.PreparedStatements", "Analyzer.LeftOut");
    assertThat(f.warnings()).allMatch(d -> d.severity() == Severity.WARNING && d.kind() == Diagnostic.Kind.INPUT);
    assertThat(f.warnings().get(0).message()).isEqualTo("statistics full: 5000 of 5000 entries used, 12 statements lost or evicted; rare patterns"
        + " may be missing and counts may be low (raise performance_schema_digests_size)");
    assertThat(f.warnings().get(3).message()).isEqualTo("left out of the query patterns (not application reads or writes): 2 ddl");
  }

  @Test
  void performanceSchemaOffAndNothingRecorded() {
    var off = of("mysql", List.of("0", "0", "5000", "0", "", "", "0", "0"), List.of(), Map.of());
    assertThat(off.warnings()).extracting(Diagnostic::id).containsExactly("Analyzer.StatisticsOff");
    var none = of("mysql", List.of("1", "0", "5000", "0", "", "", "0", "0"), List.of(), Map.of());
    assertThat(none.warnings()).extracting(Diagnostic::id).containsExactly("Analyzer.StatisticsWindow", "Analyzer.PreparedStatements");
    assertThat(none.warnings().get(1).message()).startsWith("no statements recorded for this database");
  }
}
