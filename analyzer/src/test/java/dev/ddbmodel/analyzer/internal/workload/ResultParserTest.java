package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.ResultTable;
import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.tuple;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Severity;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultParserTest {
  @Test
  void sqlcmdFixedWidthOutput() {
    String out = String.join("\r\n",
        "ddbm_marker", "-------------------------", "DDBM_BEGIN table_analysis", "", "(1 rows affected)",
        "schema_name table_name   row_estimate data_bytes", "----------- ------------ ------------ ----------",
        "dbo         Orders                120      16384", "dbo         Order Lines          NULL       8192", "",
        "(2 rows affected)", "ddbm_marker", "-----------------------", "DDBM_END table_analysis", "", "(1 rows affected)");
    var p = ResultParser.parse(out);
    assertThat(p.problems()).isEmpty();
    ResultTable t = p.tables().get("table_analysis");
    assertThat(t.columns()).containsExactly("schema_name", "table_name", "row_estimate", "data_bytes");
    assertThat(t.rows()).containsExactly(Arrays.asList("dbo", "Orders", "120", "16384"), Arrays.asList("dbo", "Order Lines", null, "8192"));
  }

  @Test
  void sqlplusWithRepeatedPageHeaders() {
    String out = String.join("\n",
        "DDBM_MARKER", "-------------------------", "DDBM_BEGIN foreign_key_analysis", "",
        "TABLE_NAME   COLUMN_NAME  CONSTRAINT_NAME", "------------ ------------ ---------------", "ORDERS       CUSTOMER_ID  FK_ORD_CUST",
        "", "TABLE_NAME   COLUMN_NAME  CONSTRAINT_NAME", "------------ ------------ ---------------", "LINES        ORDER_ID     FK_LINE_ORD", "",
        "2 rows selected.", "", "DDBM_MARKER", "-----------------------", "DDBM_END foreign_key_analysis");
    ResultTable t = ResultParser.parse(out).tables().get("foreign_key_analysis");
    assertThat(t.rows()).hasSize(2);
    assertThat(t.rows().get(1)).containsExactly("LINES", "ORDER_ID", "FK_LINE_ORD");
  }

  @Test
  void mysqlTableWithPipesNullsAndBom() {
    String out = "\uFEFF+---------------------------+\n| ddbm_marker               |\n+---------------------------+\n| DDBM_BEGIN column_analysis |\n+---------------------------+\n"
        + "+------------+-------------+----------------+\n| table_name | column_name | column_default |\n+------------+-------------+----------------+\n"
        + "| products   | note        | NULL           |\n| products   | name        | a | b          |\n+------------+-------------+----------------+\n"
        + "+-------------------------+\n| ddbm_marker             |\n+-------------------------+\n| DDBM_END column_analysis |\n+-------------------------+\n";
    var p = ResultParser.parse(out);
    assertThat(p.problems()).isEmpty();
    ResultTable t = p.tables().get("column_analysis");
    assertThat(t.rows()).containsExactly(Arrays.asList("products", "note", null), Arrays.asList("products", "name", "a | b"));
  }

  @Test
  void reportsWhatItCannotRead() {
    var p = ResultParser.parse("DDBM_BEGIN a\nx\tY\n1\t2\nDDBM_END b\nDDBM_BEGIN c\nk\n1\n");
    assertThat(messages(p)).anyMatch(s -> s.contains("end marker for `b`")).anyMatch(s -> s.contains("`c`") && s.contains("cut off"))
        .anyMatch(s -> s.contains("`a`") && s.contains("no end marker"));
    // each problem is an Analyzer.ResultsFile error of kind INPUT at the line it is about
    assertThat(p.problems()).extracting(Diagnostic::id, Diagnostic::severity, Diagnostic::kind, d -> d.location().line(), Diagnostic::message)
        .containsExactly(
            tuple("Analyzer.ResultsFile", Severity.ERROR, Diagnostic.Kind.INPUT, 4, "end marker for `b` at line 4 without its begin marker"),
            tuple("Analyzer.ResultsFile", Severity.ERROR, Diagnostic.Kind.INPUT, 1, "section `a` (line 1) has no end marker; it ends where `c` begins"),
            tuple("Analyzer.ResultsFile", Severity.ERROR, Diagnostic.Kind.INPUT, 5,
                "section `c` (line 5) is cut off: no end marker before the end of the file"));
    assertThat(messages(ResultParser.parse("just text"))).singleElement().asString().contains("no DDBM_BEGIN");
  }

  @Test
  void mysqlBatchEscapesEmptyRowsAndFooterLookalikes() {
    // found by AnalyzerOutputFuzzTest: escapes were kept, a row of empty strings and rows starting
    // with an empty cell and SET or Query OK were dropped as blank/footer lines, a tab counted as
    // the whitespace around borders and underlines
    String out = "ddbm_marker\nDDBM_BEGIN a\nx\ty\nC:\\\\tmp\\tdir\tline\\none\n\t\n\tSET\nQuery OK, done\tz\nddbm_marker\nDDBM_END a\n";
    var p = ResultParser.parse(out);
    assertThat(p.problems()).isEmpty();
    // an empty field is an empty string (NULL prints as NULL)
    assertThat(p.tables().get("a").rows()).containsExactly(Arrays.asList("C:\\tmp\tdir", "line\none"), Arrays.asList("", ""),
        Arrays.asList("", "SET"), Arrays.asList("Query OK, done", "z"));
    assertThat(ResultParser.parse("DDBM_BEGIN a\nk|v\nQuery OK|1\n(1 row)\nDDBM_END a\n").tables().get("a").rows())
        .containsExactly(Arrays.asList("Query OK", "1"));
    // a first row of dashes and an empty cell is not an underline
    assertThat(ResultParser.parse("DDBM_BEGIN a\nk\tv\n-\t\n--\tx\nDDBM_END a\n").tables().get("a").rows())
        .containsExactly(Arrays.asList("-", ""), Arrays.asList("--", "x"));
    assertThat(ResultParser.parse("DDBM_BEGIN a\nk\tv\nNULL\t\n  padded \tNULLS\nDDBM_END a\n").tables().get("a").rows())
        .containsExactly(Arrays.asList(null, ""), Arrays.asList("  padded ", "NULLS"));
  }

  @Test
  void brokenTablesAreReportedNotThrown() {
    // found by AnalyzerOutputFuzzTest: a lone '|' line and a NULL header cell threw
    assertThat(messages(ResultParser.parse("DDBM_BEGIN a\n|\n| 1 | 2 |\nDDBM_END a\n"))).anyMatch(s -> s.contains("row 1 has 2 cells"));
    var t = ResultParser.parse("DDBM_BEGIN a\n+---+------+\n| x | NULL |\n+---+------+\n| 1 | 2    |\n+---+------+\nDDBM_END a\n").tables().get("a");
    assertThat(t.columns()).containsExactly("x", "");
    assertThat(t.rows()).containsExactly(Arrays.asList("1", "2"));
  }

  static List<String> messages(ResultParser.Parsed p) {
    return p.problems().stream().map(Diagnostic::message).toList();
  }
}
