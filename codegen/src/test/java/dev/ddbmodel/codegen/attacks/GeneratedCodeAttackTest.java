package dev.ddbmodel.codegen.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.testing.StringAttacks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 item 5: every string of the attack catalogue as a pattern description, a pattern name,
 * a field name, an entity name (a class name), a cross-table description and a constant ({@code {"literal": x}}) of a write condition
 * and an update; the generated Python must import, the Java compile
 * with -Werror and the TypeScript pass strict tsc, and no attack text may survive outside a string
 * literal: the only place it can appear verbatim is escaped.
 */
class GeneratedCodeAttackTest {
  @TempDir Path tmp;

  static Path schema(Path dir) throws Exception {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    ObjectNode t = root.putArray("tables").addObject();
    t.putObject("table_config").put("table_name", "Attacks").put("partition_key", "pk").put("sort_key", "sk");
    ObjectNode e = t.putObject("entities").putObject("Target");
    e.put("entity_type", "TARGET").put("pk_template", "T#{id}").put("sk_template", "T");
    ArrayNode fields = e.putArray("fields");
    fields.addObject().put("name", "id").put("type", "string").put("required", true);
    ArrayNode aps = e.putArray("access_patterns");
    int id = 1;
    List<String> seen = new ArrayList<>();
    for (StringAttacks.Attack a : StringAttacks.all()) {
      if (a.value().length() > dev.ddbmodel.codegen.internal.plan.Planner.MAX_NAME) {
        continue; // refused: see aTooLongNameIsRefused
      }
      if (!seen.contains(a.value()) && !a.value().isEmpty() && !a.value().equals("id")) {
        fields.addObject().put("name", a.value()).put("type", "string").put("required", false);
        seen.add(a.value());
      }
      ObjectNode ap = aps.addObject();
      ap.put("pattern_id", id).put("name", id % 2 == 0 ? a.value() + "#" + id : "get_" + id).put("description", a.value()).put("operation", "GetItem")
          .put("return_type", "single_entity");
      ap.putArray("parameters").addObject().put("name", "id").put("type", "string");
      id++;
    }
    // every attack as a constant of a write condition, of an update and of a filter (bound as a value: data in every language)
    fields.addObject().put("name", "lit_note").put("type", "string").put("required", false);
    int k = 3000;
    for (StringAttacks.Attack a : StringAttacks.all()) {
      if (a.value().length() > MAX_LITERAL) {
        continue; // refused: see aTooLongConstantIsRefused
      }
      ObjectNode ap = aps.addObject();
      ap.put("pattern_id", k).put("name", "constant_" + k).put("description", "a constant").put("operation", "UpdateItem").put("return_type", "single_entity");
      ap.putArray("parameters").addObject().put("name", "id").put("type", "string");
      ap.putObject("update").putArray("set").addObject().put("field", "lit_note").putObject("param").put("literal", a.value());
      ap.putObject("condition").putArray("conditions").addObject().put("field", "lit_note").put("operator", "<>").putObject("param").put("literal", a.value());
      // and of a Scan filter (the same operands, bound the same way)
      ObjectNode scan = aps.addObject();
      scan.put("pattern_id", k + 5000).put("name", "filtered_" + k).put("description", "a filter constant").put("operation", "Scan").put("return_type", "entity_list");
      scan.putArray("parameters");
      scan.putObject("filter_expression").putArray("conditions").addObject().put("field", "lit_note").put("operator", "=").putObject("param").put("literal", a.value());
      k++;
    }
    // every attack as an entity name too (a class name in all three languages)
    ObjectNode entities = (ObjectNode) t.get("entities");
    int n = 0;
    for (String name : seen) {
      if (entities.has(name)) {
        continue;
      }
      n++;
      ObjectNode h = entities.putObject(name);
      h.put("entity_type", "H" + n).put("pk_template", "H" + n + "#{id}").put("sk_template", "H");
      h.putArray("fields").addObject().put("name", "id").put("type", "string").put("required", true);
      ObjectNode hp = h.putArray("access_patterns").addObject();
      hp.put("pattern_id", 2000 + n).put("name", "get_it").put("description", "hostile entity name").put("operation", "GetItem").put("return_type", "single_entity");
      hp.putArray("parameters").addObject().put("name", "id").put("type", "string");
    }
    ObjectNode x = root.putArray("cross_table_access_patterns").addObject();
    x.put("pattern_id", 1000).put("name", "touch").put("description", String.join(" ", seen)).put("operation", "TransactWrite").put("return_type", "boolean");
    x.putArray("entities_involved").addObject().put("table", "Attacks").put("entity", "Target").put("action", "ConditionCheck");
    x.putArray("parameters").addObject().put("name", "id").put("type", "string");
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("schema.json"), Json.pretty(root), StandardCharsets.UTF_8);
  }

  Path generate(DalRequest.Language lang) throws Exception {
    Path s = schema(tmp.resolve("in"));
    Path out = tmp.resolve(lang.name());
    var r = DalGenerator.generate(new DalRequest(s, lang, Optional.of(out), Optional.empty(), false));
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    return out;
  }

  @Test
  void pythonImports() throws Exception {
    Path out = generate(DalRequest.Language.PYTHON);
    var run = dev.ddbmodel.core.process.ExternalProcess.run(new ProcessBuilder("python3", "-c",
        "import dal.entities, dal.repositories, dal.transactions, inspect\n"
            + "names = [n for n, _ in inspect.getmembers(dal.repositories.TargetRepository, inspect.isfunction)]\n"
            + "print(len(names))\n"
            + "print(sorted(dal.entities.Target.model_fields))").directory(out.toFile()), java.time.Duration.ofSeconds(60));
    assertThat(run.succeeded()).as(run.describe()).isTrue();
    assertThat(run.stdout()).contains("from_");
    assertNoBareAttack(out, ".py");
  }

  @Test
  void javaCompiles() throws Exception {
    Path out = generate(DalRequest.Language.JAVA);
    List<String> args = new ArrayList<>(List.of("-d", Files.createDirectories(tmp.resolve("classes")).toString(), "-cp", System.getProperty("java.class.path"),
        "--release", "17", "-Xlint:all,-path", "-Werror"));
    try (Stream<Path> s = Files.walk(out.resolve("src/main/java"))) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    java.io.ByteArrayOutputStream diag = new java.io.ByteArrayOutputStream();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, diag, diag, args.toArray(String[]::new));
    assertThat(rc).as(diag.toString(StandardCharsets.UTF_8)).isZero();
    assertNoBareAttack(out, ".java");
  }

  @Test
  void typescriptCompilesStrictly() throws Exception {
    Path out = generate(DalRequest.Language.TYPESCRIPT);
    dev.ddbmodel.codegen.internal.typescript.TsProject.build(out);
    assertNoBareAttack(out, ".ts");
  }

  @Test
  void aTooLongNameIsRefused() throws Exception {
    String longest = StringAttacks.all().stream().map(StringAttacks.Attack::value).filter(v -> v.length() > dev.ddbmodel.codegen.internal.plan.Planner.MAX_NAME)
        .findFirst().orElseThrow();
    Path s = schema(tmp.resolve("long"));
    ObjectNode root = (ObjectNode) Json.parseTrusted(Files.readString(s, StandardCharsets.UTF_8));
    ((ObjectNode) root.get("tables").get(0).get("entities").get("Target").get("access_patterns").get(0)).put("name", longest);
    Files.writeString(s, Json.pretty(root), StandardCharsets.UTF_8);
    var r = DalGenerator.generate(new DalRequest(s, DalRequest.Language.JAVA, Optional.of(tmp.resolve("long-out")), Optional.empty(), false));
    assertThat(r.isValid()).isFalse();
    assertThat(r.diagnostics()).extracting(dev.ddbmodel.core.Diagnostic::id).contains("Codegen.NameTooLong");
    assertThat(tmp.resolve("long-out")).doesNotExist();
  }

  /** Longest string constant schema.json takes (a Java class constant holds 65,535 bytes, 3 per UTF-16 unit at most). */
  static final int MAX_LITERAL = 16_384;

  @Test
  void aTooLongConstantIsRefused() throws Exception {
    assertTooLongConstantRefused("long-literal", "DeleteItem", "success_flag", "condition", "Schema.ConditionValue");
  }

  @Test
  void aTooLongFilterConstantIsRefused() throws Exception {
    assertTooLongConstantRefused("long-filter", "Scan", "entity_list", "filter_expression", "Schema.FilterValue");
  }

  /** The first pattern, turned into {@code operation}, compares a field with the longest attack string as a constant in {@code expression}: refused with {@code id}, nothing written. */
  private void assertTooLongConstantRefused(String name, String operation, String returnType, String expression, String id) throws Exception {
    String longest = StringAttacks.all().stream().map(StringAttacks.Attack::value).filter(v -> v.length() > MAX_LITERAL).findFirst().orElseThrow();
    Path s = schema(tmp.resolve(name));
    ObjectNode root = (ObjectNode) Json.parseTrusted(Files.readString(s, StandardCharsets.UTF_8));
    ObjectNode ap = (ObjectNode) root.get("tables").get(0).get("entities").get("Target").get("access_patterns").get(0);
    ap.put("operation", operation).put("return_type", returnType);
    if (operation.equals("Scan")) {
      ap.putArray("parameters");
    }
    ap.putObject(expression).putArray("conditions").addObject().put("field", "lit_note").put("operator", "=").putObject("param").put("literal", longest);
    Files.writeString(s, Json.pretty(root), StandardCharsets.UTF_8);
    var r = DalGenerator.generate(new DalRequest(s, DalRequest.Language.JAVA, Optional.of(tmp.resolve(name + "-out")), Optional.empty(), false));
    assertThat(r.isValid()).isFalse();
    assertThat(r.diagnostics()).extracting(dev.ddbmodel.core.Diagnostic::id).contains(id);
    assertThat(tmp.resolve(name + "-out")).doesNotExist();
  }

  /**
   * No attack text reaches generated source raw where it could act: text with a line break or NUL
   * never appears verbatim, and a comment or docstring ender never appears after a comment or
   * docstring opener on its line (inside a string literal it is only data).
   */
  static void assertNoBareAttack(Path out, String ext) throws Exception {
    boolean py = ext.equals(".py");
    List<String> values = StringAttacks.all().stream().map(StringAttacks.Attack::value).toList();
    try (Stream<Path> s = Files.walk(out)) {
      for (Path p : s.filter(p -> p.toString().endsWith(ext) && !p.toString().contains("node_modules")).toList()) {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        for (String v : values) {
          if (v.contains("\n") || v.contains("\r") || v.contains("\u0000")) {
            assertThat(text).as(p + " must not contain the raw attack " + Json.compact(v)).doesNotContain(v);
          }
        }
        for (String line : text.split("\n", -1)) {
          String ender = py ? "\"\"\"" : "*/";
          String t = line.strip();
          // generated comments and docstrings take whole lines: they start the line
          if (py ? t.startsWith("\"\"\"") : t.startsWith("/*") || t.startsWith("//")) {
            String rest = t.substring(py ? 3 : 2);
            int end = rest.indexOf(ender);
            assertThat(end < 0 || rest.substring(end + ender.length()).strip().isEmpty())
                .as(p + ": a comment or docstring must end only at the end of its line: " + line).isTrue();
          }
        }
      }
    }
  }
}
