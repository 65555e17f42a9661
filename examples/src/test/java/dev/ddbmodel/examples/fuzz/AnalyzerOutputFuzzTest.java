package dev.ddbmodel.examples.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.AnalyzerResult;
import dev.ddbmodel.analyzer.internal.workload.ResultParser;
import dev.ddbmodel.analyzer.ResultTable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.testing.Seeds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The self-service analyzer reads whatever a user's SQL client printed. Mutated recorded outputs
 * (mysql --table/--batch, psql aligned/unaligned, sqlcmd, sqlplus) are read into rectangular tables
 * with problems listed, never an exception or a hang; generated tables rendered the way the clients
 * print them come back cell for cell.
 *
 * <p>The seeds under {@code resources/dev/ddbmodel/examples/fuzz/analyzer} are real outputs of the
 * generated SQL over the shop schema (mariadb 10/11 client in both modes, psql 15 aligned and -A);
 * the sqlcmd and sqlplus ones are rendered from the same rows in those clients' fixed-width layout.
 */
class AnalyzerOutputFuzzTest {
  /** Client format of each seed, with the source database type whose queries produced it. */
  static final Map<String, String> FORMATS = new LinkedHashMap<>();

  static {
    FORMATS.put("mysql_table", "mysql");
    FORMATS.put("mysql_batch", "mysql");
    FORMATS.put("psql_aligned", "postgresql");
    FORMATS.put("psql_unaligned", "postgresql");
    FORMATS.put("sqlcmd", "sqlserver");
    FORMATS.put("sqlplus", "oracle");
  }

  static final Map<String, String> SEEDS = new LinkedHashMap<>();
  static final String[] INSERTS = {"|", " | ", "||", "\t", "\t\t", "NULL", "(null)", "\uFEFF", "\r", "\r\n", "\n", "+", "-", "+--+", "---", " ",
      "é", "日本語", "\uD83D\uDE00", "\uD800", "\u0000", "\\", "\\t", "\\n", "DDBM_BEGIN ", "DDBM_END ", "DDBM_BEGIN table_analysis",
      "DDBM_END table_analysis", "ddbm_marker", "(1 row)", "(3 rows affected)", "2 rows selected.", "Query OK", "SET", "Empty set"};
  static final String[] LINES = {"", "+", "|", "-", "+-+", "+--------+", "| a | b |", "--- ---", "-----+-----", "\t", "NULL", "NULL\tNULL",
      "a|b|c", "(0 rows)", "no rows selected", "DDBM_BEGIN column_analysis", "DDBM_END column_analysis", "DDBM_BEGIN x", "DDBM_END y",
      "ddbm_marker", "DDBM_MARKER", "Pager usage is off.", "\uFEFF", " | | ", "||||", "+---+---+"};

  @BeforeAll
  static void seeds() throws IOException {
    SEEDS.clear();
    for (String f : FORMATS.keySet()) {
      try (InputStream in = AnalyzerOutputFuzzTest.class.getResourceAsStream("analyzer/" + f + ".txt")) {
        assertThat(in).as(f).isNotNull();
        SEEDS.put(f, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  // ---- 1. mutated recorded outputs -------------------------------------------------------------

  /** Any client output is read into rectangular tables with problems listed (bench/fuzz analyzer). */
  @FuzzTest
  void clientOutput(byte[] data) {
    assertWellFormed(ResultParser.parse(new String(data, StandardCharsets.UTF_8)), "fuzz", 0);
  }

  static Stream<Long> seeds300() {
    return Seeds.of("analyzer", 300);
  }

  static Stream<Long> seeds50() {
    return Seeds.of("analyzer-self-service", 50);
  }

  @ParameterizedTest(name = Seeds.NAME)
  @MethodSource("seeds300")
  void mutatedClientOutputsAreReadOrReported(long seed) {
    Random r = new Random(seed);
    for (String format : FORMATS.keySet()) {
      String input = mutate(SEEDS.get(format), r);
      assertWellFormed(ResultParser.parse(input), format, seed);
    }
  }

  /** The recorded outputs themselves are read completely. */
  @Test
  void recordedOutputsParseCleanly() {
    SEEDS.forEach((format, text) -> {
      ResultParser.Parsed p = ResultParser.parse(text);
      assertThat(p.problems()).as(format).isEmpty();
      assertThat(p.tables().keySet()).as(format)
          .containsExactly("table_analysis", "column_analysis", "index_analysis", "foreign_key_analysis", "query_pattern_analysis");
      assertThat(p.tables().get("table_analysis").rows()).as(format).hasSize(22);
      assertWellFormed(p, format, 0);
    });
  }

  static void assertWellFormed(ResultParser.Parsed p, String format, long seed) {
    assertThat(p.tables()).as("%s seed %d", format, seed).isNotNull();
    p.tables().forEach((name, t) -> {
      assertThat(name).as("section name, %s seed %d", format, seed).matches("[A-Za-z0-9_]+").isEqualTo(t.name());
      assertThat(t.columns()).as("columns of %s, %s seed %d", name, format, seed).doesNotContainNull();
      for (List<String> row : t.rows()) {
        assertThat(row).as("row of %s, %s seed %d", name, format, seed).hasSize(t.columns().size());
      }
    });
    assertThat(p.problems()).as("%s seed %d", format, seed).allSatisfy(d -> assertThat(d.message()).isNotBlank());
  }

  static String mutate(String text, Random r) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
      int at = r.nextInt(lines.size());
      switch (r.nextInt(14)) {
        case 0 -> lines.remove(at);
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> {
          int other = r.nextInt(lines.size());
          String s = lines.get(at);
          lines.set(at, lines.get(other));
          lines.set(other, s);
        }
        case 3 -> lines.set(at, insert(lines.get(at), INSERTS[r.nextInt(INSERTS.length)], r));
        case 4 -> lines.add(at, LINES[r.nextInt(LINES.length)]);
        case 5 -> lines.set(at, "x".repeat(1 + r.nextInt(200_000)) + lines.get(at));
        case 6 -> lines.set(at, lines.get(at).substring(0, r.nextInt(lines.get(at).length() + 1)));
        case 7 -> lines.removeIf(l -> l.contains("DDBM_") && r.nextBoolean());
        case 8 -> {
          List<Integer> markers = new ArrayList<>();
          for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).contains("DDBM_")) {
              markers.add(k);
            }
          }
          if (!markers.isEmpty()) {
            int m = markers.get(r.nextInt(markers.size()));
            lines.add(at, lines.get(m));
          }
        }
        case 9 -> {
          String joined = String.join("\n", lines);
          return joined.substring(0, r.nextInt(joined.length() + 1));
        }
        case 10 -> lines.replaceAll(l -> l + "\r");
        case 11 -> lines.set(at, lines.get(at).replace(' ', r.nextBoolean() ? '\t' : '|'));
        case 12 -> lines.set(at, lines.get(at).replace("|", r.nextBoolean() ? "" : "||"));
        default -> {
          StringBuilder sb = new StringBuilder();
          for (int k = 0, len = r.nextInt(40); k < len; k++) {
            sb.appendCodePoint(r.nextInt(4) == 0 ? r.nextInt(0x10FFFF) : 0x20 + r.nextInt(0x60));
          }
          lines.add(at, sb.toString());
        }
      }
      if (lines.isEmpty()) {
        lines.add("");
      }
    }
    String out = String.join("\n", lines);
    return r.nextInt(10) == 0 ? "\uFEFF" + out : out;
  }

  static String insert(String line, String what, Random r) {
    int at = r.nextInt(line.length() + 1);
    return line.substring(0, at) + what + line.substring(at);
  }

  // ---- 2. generated tables round-trip ---------------------------------------------------------

  /** Pieces of cell values: separators, escapes, spaces, look-alikes of NULL and footers, unicode. */
  static final String[] PIECES = {"a", "Zz", "0", "42", "-1.50", " ", "  ", "|", " | ", "\t", "\n", "\\", "\\n", "\\t", "'", "\"", "%", "é",
      "日本", "\uD83D\uDE00", "-", "+", "--", "+-+", "null", "N", "(1 row)", "Query OK", "SET", "x y", "\u00A0", "#"};

  @ParameterizedTest(name = Seeds.NAME)
  @MethodSource("seeds300")
  void generatedTablesRoundTripThroughMysqlBatch(long seed) {
    roundTrip(seed, "mysql_batch");
  }

  @ParameterizedTest(name = Seeds.NAME)
  @MethodSource("seeds300")
  void generatedTablesRoundTripThroughPsqlUnaligned(long seed) {
    roundTrip(seed, "psql_unaligned");
  }

  @ParameterizedTest(name = Seeds.NAME)
  @MethodSource("seeds300")
  void generatedTablesRoundTripThroughMysqlTable(long seed) {
    roundTrip(seed, "mysql_table");
  }

  record Table(String name, List<String> columns, List<List<String>> rows) {}

  static void roundTrip(long seed, String format) {
    Random r = new Random(seed);
    List<Table> tables = new ArrayList<>();
    for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
      tables.add(table(r, "section_" + i, format));
    }
    StringBuilder out = new StringBuilder(format.equals("psql_unaligned") ? "Pager usage is off.\n" : "");
    for (Table t : tables) {
      out.append(marker("DDBM_BEGIN " + t.name(), format));
      out.append(switch (format) {
        case "mysql_batch" -> batch(t);
        case "psql_unaligned" -> unaligned(t);
        default -> boxed(t);
      });
      out.append(marker("DDBM_END " + t.name(), format));
    }
    String input = out.toString();
    ResultParser.Parsed p = ResultParser.parse(input);
    assertThat(p.problems()).as(input).isEmpty();
    assertThat(p.tables().keySet()).as(input).containsExactlyElementsOf(tables.stream().map(Table::name).toList());
    for (Table t : tables) {
      ResultTable parsed = p.tables().get(t.name());
      // mysql prints nothing at all for an empty result, psql still prints the header
      boolean headerless = t.rows().isEmpty() && !format.equals("psql_unaligned");
      assertThat(parsed.columns()).as("columns of %s in\n%s", t.name(), input).isEqualTo(headerless ? List.of() : t.columns());
      List<List<String>> expected = t.rows().stream().map(row -> row.stream().map(v -> format.equals("mysql_batch") ? v : expected(v)).toList()).toList();
      assertThat(parsed.rows()).as("rows of %s in\n%s", t.name(), input).isEqualTo(expected);
    }
  }

  /**
   * What the parser documents for the padded and pipe formats: cell text is trimmed and an empty
   * cell is NULL (psql -A prints NULL as nothing, and a padded column cannot tell trailing spaces).
   * mysql --batch is exact: values unstripped, an empty string stays empty, NULL prints as NULL.
   */
  static String expected(String v) {
    if (v == null) {
      return null;
    }
    String s = v.strip();
    return s.isEmpty() ? null : s;
  }

  static Table table(Random r, String name, String format) {
    int cols = 2 + r.nextInt(5);
    List<String> columns = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      columns.add((r.nextBoolean() ? "col" : "Wert_ü") + c);
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0, n = r.nextInt(6); i < n; i++) {
      List<String> row = new ArrayList<>();
      for (int c = 0; c < cols; c++) {
        row.add(value(r, format));
      }
      rows.add(row);
    }
    return new Table(name, columns, rows);
  }

  static String value(Random r, String format) {
    while (true) {
      if (r.nextInt(6) == 0) {
        return null;
      }
      StringBuilder sb = new StringBuilder();
      for (int i = 0, n = r.nextInt(5); i < n; i++) {
        sb.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String v = sb.toString();
      String s = v.strip();
      // NULL and (null) print like SQL NULL; the formats without escaping cannot hold a line break,
      // and the unaligned one cannot hold its separator
      boolean ambiguous = s.equals("NULL") || s.equals("(null)")
          || (!format.equals("mysql_batch") && v.contains("\n"))
          || (format.equals("psql_unaligned") && v.contains("|"))
          || (format.equals("mysql_table") && v.contains("\t"));
      if (!ambiguous) {
        return v;
      }
    }
  }

  static String marker(String text, String format) {
    return switch (format) {
      case "mysql_batch" -> "ddbm_marker\n" + text + "\n";
      case "psql_unaligned" -> "ddbm_marker\n" + text + "\n(1 row)\n";
      default -> boxed(new Table("m", List.of("ddbm_marker"), List.<List<String>>of(List.of(text))));
    };
  }

  /** mysql --batch: tab-separated, NULL as NULL, backslash escapes for \0, tab, newline and backslash. */
  static String batch(Table t) {
    if (t.rows().isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder(String.join("\t", t.columns())).append('\n');
    for (List<String> row : t.rows()) {
      sb.append(String.join("\t", row.stream().map(v -> v == null ? "NULL" : v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
          .replace("\0", "\\0")).toList())).append('\n');
    }
    return sb.toString();
  }

  /** psql -A: '|'-separated, NULL as nothing, row count footer. */
  static String unaligned(Table t) {
    StringBuilder sb = new StringBuilder(String.join("|", t.columns())).append('\n');
    for (List<String> row : t.rows()) {
      sb.append(String.join("|", row.stream().map(v -> v == null ? "" : v).toList())).append('\n');
    }
    return sb.append(t.rows().size() == 1 ? "(1 row)\n" : "(" + t.rows().size() + " rows)\n").toString();
  }

  /** mysql --table: boxed, values left-aligned and padded, NULL as NULL; nothing for an empty result. */
  static String boxed(Table t) {
    if (t.rows().isEmpty()) {
      return "";
    }
    int[] w = new int[t.columns().size()];
    for (int c = 0; c < w.length; c++) {
      w[c] = t.columns().get(c).length();
      for (List<String> row : t.rows()) {
        w[c] = Math.max(w[c], cell(row.get(c)).length());
      }
    }
    StringBuilder border = new StringBuilder("+");
    for (int x : w) {
      border.append("-".repeat(x + 2)).append('+');
    }
    StringBuilder sb = new StringBuilder().append(border).append('\n').append(boxRow(t.columns(), w)).append(border).append('\n');
    for (List<String> row : t.rows()) {
      sb.append(boxRow(row.stream().map(AnalyzerOutputFuzzTest::cell).toList(), w));
    }
    return sb.append(border).append('\n').toString();
  }

  static String cell(String v) {
    return v == null ? "NULL" : v;
  }

  static String boxRow(List<String> cells, int[] w) {
    StringBuilder sb = new StringBuilder("|");
    for (int c = 0; c < w.length; c++) {
      sb.append(' ').append(cells.get(c)).append(" ".repeat(w[c] - cells.get(c).length())).append(" |");
    }
    return sb.append('\n').toString();
  }

  // ---- 3. the public self-service API ---------------------------------------------------------

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  @ParameterizedTest(name = Seeds.NAME)
  @MethodSource("seeds50")
  void selfServiceStepTwoWritesOnlyIntoItsFolder(long seed) throws Exception {
    Random r = new Random(seed);
    List<String> formats = List.copyOf(FORMATS.keySet());
    String format = formats.get(r.nextInt(formats.size()));
    String input = mutate(SEEDS.get(format), r);
    Path root = Files.createTempDirectory("ddbm-fuzz");
    try {
      Path out = Files.createDirectories(root.resolve("out"));
      Path sibling = Files.createDirectories(root.resolve("sibling"));
      Path results = out.resolve("results.txt");
      byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
      if (bytes.length > 0 && r.nextInt(10) == 0) {
        bytes[r.nextInt(bytes.length)] = (byte) 0xFF; // not UTF-8
      }
      Files.write(results, bytes);
      AnalyzerRequest req = AnalyzerRequest.builder(FORMATS.get(format), out).identifier(format.equals("sqlplus") ? "SHOP" : "shop")
          .resultFile(results).maxResults(1 + r.nextInt(30)).clock(CLOCK).build();
      Validated<AnalyzerResult> v = dev.ddbmodel.analyzer.SourceDbAnalyzer.run(req);
      if (v.isValid()) {
        AnalyzerResult res = v.unwrap();
        assertThat(res.path()).as("%s seed %d", format, seed).startsWith(out);
        assertThat(res.files()).isNotEmpty().allSatisfy(f -> assertThat(res.path().resolve(f)).isRegularFile().startsWith(out));
        assertThat(res.diagnostics()).allSatisfy(d -> assertThat(d.message()).isNotBlank());
        for (ResultTable t : res.tables()) {
          assertThat(t.rows()).allSatisfy(row -> assertThat(row).hasSize(t.columns().size()));
        }
      } else {
        assertThat(v.errors()).isNotEmpty().allSatisfy(d -> assertThat(d.message()).isNotBlank());
      }
      assertThat(Files.readAllBytes(results)).isEqualTo(bytes);
      try (Stream<Path> s = Files.walk(root)) {
        assertThat(s.filter(f -> !f.equals(root) && !f.startsWith(out) && !f.equals(sibling)).toList())
            .as("written outside %s", out).isEmpty();
      }
      try (Stream<Path> s = Files.list(sibling)) {
        assertThat(s.toList()).isEmpty();
      }
    } finally {
      try (Stream<Path> s = Files.walk(root)) {
        for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
