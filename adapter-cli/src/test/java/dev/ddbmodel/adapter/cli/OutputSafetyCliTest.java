package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, command by command: a user file and a user-edited generated file in the target survive
 * byte for byte, and the exit code and message say why.
 */
class OutputSafetyCliTest {
  static final Path EXAMPLE = Path.of("../examples/models/social");
  static final byte[] MINE = "my own file \u00fc\r\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;

  private Path workspace() throws Exception {
    Path ws = Files.createDirectories(tmp.resolve("ws"));
    try (Stream<Path> s = Files.list(EXAMPLE)) {
      for (Path p : s.toList()) {
        Files.copy(p, ws.resolve(p.getFileName()));
      }
    }
    return ws;
  }

  private static Map<String, byte[]> snapshot(Path root) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private static void assertSame(Map<String, byte[]> before, Map<String, byte[]> after) {
    assertThat(after.keySet()).isEqualTo(before.keySet());
    before.forEach((k, v) -> assertThat(after.get(k)).as(k).isEqualTo(v));
  }

  @Test
  void generateDalKeepsUserFilesAndNamesTheConflict() throws Exception {
    Path ws = workspace();
    String schema = ws.resolve("schema.json").toString();
    assertThat(CliTestSupport.run("generate", "dal", schema).exit()).isZero();
    Path out = ws.resolve("generated_dal");
    Files.write(out.resolve("mine.txt"), MINE);
    Path edited;
    try (Stream<Path> s = Files.walk(out)) {
      edited = s.filter(p -> p.toString().endsWith(".py")).findFirst().orElseThrow();
    }
    Files.write(edited, MINE);
    Map<String, byte[]> before = snapshot(out);
    CliTestSupport.Run r = CliTestSupport.run("generate", "dal", schema);
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Output.Conflict").contains(out.relativize(edited).toString()).contains("--overwrite");
    assertSame(before, snapshot(out));

    CliTestSupport.Run forced = CliTestSupport.run("generate", "dal", schema, "--overwrite");
    assertThat(forced.exit()).as(forced.out()).isZero();
    assertThat(Files.readAllBytes(out.resolve("mine.txt"))).isEqualTo(MINE);
    assertThat(Files.readAllBytes(edited)).isNotEqualTo(MINE);
  }

  @Test
  void generateDalRefusesTheWorkingFolderAProjectAndAFile() throws Exception {
    Path ws = workspace();
    String schema = ws.resolve("schema.json").toString();
    Map<String, byte[]> before = snapshot(ws);
    CliTestSupport.Run dot = CliTestSupport.run("generate", "dal", schema, "--out", ".");
    assertThat(dot.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(dot.err()).contains("Output.Forbidden").contains("working folder");
    CliTestSupport.Run own = CliTestSupport.run("generate", "dal", schema, "--out", ws.toString());
    assertThat(own.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(own.err()).contains("Output.NotOurs");
    CliTestSupport.Run file = CliTestSupport.run("generate", "dal", schema, "--out", schema);
    assertThat(file.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(file.err()).contains("Output.NotFolder");
    assertSame(before, snapshot(ws));
    for (String type : new String[] {"cdk", "cloudformation"}) {
      CliTestSupport.Run res = CliTestSupport.run("generate", "resources", ws.resolve("dynamodb_data_model.json").toString(), "--type", type,
          "--out", ws.toString(), "--overwrite");
      assertThat(res.exit()).isEqualTo(ExitCodes.USAGE);
      assertThat(res.err()).contains("Output.NotOurs");
    }
    assertSame(before, snapshot(ws));
  }

  @Test
  void generateResourcesRefusesAnExistingFolderAndOverwriteKeepsUserFiles() throws Exception {
    Path ws = workspace();
    String model = ws.resolve("dynamodb_data_model.json").toString();
    assertThat(CliTestSupport.run("generate", "resources", model, "--type", "cloudformation").exit()).isZero();
    Path out = ws.resolve("cloudformation");
    Files.write(out.resolve("mine.txt"), MINE);
    Files.write(out.resolve("README.md"), MINE);
    Map<String, byte[]> before = snapshot(out);
    CliTestSupport.Run r = CliTestSupport.run("generate", "resources", model, "--type", "cloudformation");
    assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("Output.Exists").contains("overwrite");
    assertSame(before, snapshot(out));
    assertThat(CliTestSupport.run("generate", "resources", model, "--type", "cloudformation", "--overwrite").exit()).isZero();
    assertThat(Files.readAllBytes(out.resolve("mine.txt"))).isEqualTo(MINE);
  }

  @Test
  void analyzeNeverReplacesAUserFileAndTwoParsesInOneSecondBothSucceed() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("an"));
    Files.write(dir.resolve("queries.sql"), MINE);
    CliTestSupport.Run q = CliTestSupport.run("analyze", "queries", "--db", "mysql", "--database", "shop", "--out", dir.resolve("queries.sql").toString(),
        "--output-dir", dir.toString());
    assertThat(q.exit()).as(q.out()).isEqualTo(ExitCodes.USAGE);
    assertThat(q.err()).contains("Output.Exists").contains("queries.sql");
    assertThat(Files.readAllBytes(dir.resolve("queries.sql"))).isEqualTo(MINE);

    // every section of the query file (a results file missing sections is a partial analysis: exit 3)
    StringBuilder results = new StringBuilder();
    for (String section : java.util.List.of("table_analysis", "column_analysis", "index_analysis", "foreign_key_analysis", "view_analysis",
        "statistics_status", "query_pattern_analysis", "prepared_statement_analysis")) {
      results.append("DDBM_BEGIN ").append(section).append("\ntable_name\nusers\nDDBM_END ").append(section).append('\n');
    }
    Files.writeString(dir.resolve("results.txt"), results.toString());
    for (int i = 0; i < 3; i++) {
      CliTestSupport.Run p = CliTestSupport.run("analyze", "parse", "--db", "mysql", "--database", "shop", "--results", dir.resolve("results.txt").toString(),
          "--output-dir", dir.toString());
      assertThat(p.exit()).as(p.out()).isZero();
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s.filter(p -> p.getFileName().toString().startsWith("database_analysis_")).count()).isEqualTo(3);
    }
    // a results file that lacks sections is written and flagged: exit 3
    Files.writeString(dir.resolve("partial.txt"), "DDBM_BEGIN table_analysis\ntable_name\nusers\nDDBM_END table_analysis\n");
    CliTestSupport.Run partial = CliTestSupport.run("analyze", "parse", "--db", "mysql", "--database", "shop", "--results", dir.resolve("partial.txt").toString(),
        "--output-dir", dir.toString());
    assertThat(partial.exit()).as(partial.out()).isEqualTo(ExitCodes.ENVIRONMENT);
    assertThat(partial.out()).contains("PARTIAL: 7 of 8 queries failed");
  }

  @Test
  void modelCommandsKeepUserFiles() throws Exception {
    Path ws = workspace();
    // extract: the model file of the user is never replaced without --overwrite (checked before any read)
    Path target = Files.createDirectories(tmp.resolve("extract"));
    Files.write(target.resolve("dynamodb_data_model.json"), MINE);
    CliTestSupport.Run x = CliTestSupport.run("model", "extract", "--endpoint", "http://127.0.0.1:1", "--out", target.toString());
    assertThat(x.exit()).as(x.out() + x.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(x.err()).contains("Output.Exists");
    assertThat(Files.readAllBytes(target.resolve("dynamodb_data_model.json"))).isEqualTo(MINE);

    // view and export: a user's file under the output name survives
    Files.write(ws.resolve("dynamodb_model_view.html"), MINE);
    Files.write(ws.resolve("workbench_model.json"), MINE);
    CliTestSupport.Run v = CliTestSupport.run("model", "view", ws.toString());
    assertThat(v.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(v.err()).contains("Output.Exists");
    CliTestSupport.Run e = CliTestSupport.run("model", "export-workbench", ws.toString());
    assertThat(e.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(e.err()).contains("Output.Exists");
    assertThat(Files.readAllBytes(ws.resolve("dynamodb_model_view.html"))).isEqualTo(MINE);
    assertThat(Files.readAllBytes(ws.resolve("workbench_model.json"))).isEqualTo(MINE);

    // validate: a user's file with a report's name stops the run and stays
    Files.write(ws.resolve("dynamodb_model_validation.md"), MINE);
    CliTestSupport.Run val = CliTestSupport.run("model", "validate", ws.toString());
    assertThat(val.exit()).as(val.out() + val.err()).isEqualTo(ExitCodes.USAGE);
    assertThat(val.err()).contains("Output.Exists");
    assertThat(Files.readAllBytes(ws.resolve("dynamodb_model_validation.md"))).isEqualTo(MINE);
  }

  @Test
  void costKeepsTheUsersTextAndImportNeverReplacesTheUsersModel() throws Exception {
    Path ws = workspace();
    String head = "# My design \u00fc\r\n\r\nmy notes\n";
    Files.writeString(ws.resolve("dynamodb_data_model.md"), head);
    Path input = Files.writeString(tmp.resolve("cost_input.json"), """
        {"access_pattern_list": [{"pattern": "1", "description": "d", "operation": "GetItem", "table": "T", "rps": 1, "item_size_bytes": 100}],
         "table_list": [{"name": "T", "item_size_bytes": 100, "item_count": 10}]}""");
    for (int i = 0; i < 2; i++) {
      CliTestSupport.Run c = CliTestSupport.run("cost", input.toString(), "--workspace", ws.toString());
      assertThat(c.exit()).as(c.out() + c.err()).isZero();
    }
    String md = Files.readString(ws.resolve("dynamodb_data_model.md"));
    assertThat(md).startsWith(head);
    assertThat(md.indexOf("<!-- begin-cost-report -->")).isEqualTo(md.lastIndexOf("<!-- begin-cost-report -->"));

    Map<String, byte[]> before = snapshot(ws);
    CliTestSupport.Run imp = CliTestSupport.run("model", "import-workbench", WorkbenchChainTest.LIBRARY.toString(), "--out", ws.toString());
    assertThat(imp.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(imp.err()).contains("Output.Exists").contains("--overwrite");
    assertSame(before, snapshot(ws));
  }

  @Test
  void demoRefusesANonEmptyFolder() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("demo"));
    Files.write(dir.resolve("mine.txt"), MINE);
    CliTestSupport.Run d = CliTestSupport.run("demo", "--out", dir.toString());
    assertThat(d.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(d.err()).contains("Output.Exists").contains("--out");
    assertSame(Map.of("mine.txt", MINE), snapshot(dir));
    CliTestSupport.Run dot = CliTestSupport.run("demo", "--out", ".");
    assertThat(dot.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(dot.err()).contains("Output.Forbidden");
  }
}
