package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.schema.SchemaIssue;
import dev.ddbmodel.schema.SchemaLoader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.CostCalculator;
import dev.ddbmodel.core.CostRequest;
import dev.ddbmodel.core.Guide;
import dev.ddbmodel.core.Guides;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.schema.Schema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every JSON block of every guide is a whole input of one of the four formats and passes that
 * format's validator (model JSON, cost input, schema.json, usage data checked against the schema
 * example before it); and every field and closed value the schema.json JSON Schema declares, and
 * every usage data section, has an example in its guide.
 */
class GuideExamplesTest {
  static final Pattern JSON_BLOCK = Pattern.compile("(?s)```json\\n(.*?)```");

  record Block(String guide, int index, String text, JsonNode root) {
    String kind() {
      if (root.has("tables") && root.has("items") && root.has("access_patterns")) {
        return "model";
      }
      if (root.has("access_pattern_list") || root.has("table_list")) {
        return "cost";
      }
      if (root.has("tables") && root.path("tables").path(0).has("table_config")) {
        return "schema";
      }
      if (root.has("entities") && !root.has("tables")) {
        return "usage";
      }
      return "unknown";
    }

    String name() {
      return guide + ".md block " + index;
    }
  }

  static List<Block> blocks(String guide) {
    List<Block> out = new ArrayList<>();
    Matcher m = JSON_BLOCK.matcher(Guides.expect(guide).text());
    int i = 0;
    while (m.find()) {
      out.add(new Block(guide, ++i, m.group(1), Json.parseTrusted(m.group(1))));
    }
    return out;
  }

  static List<String> errors(List<SchemaIssue> issues) {
    return issues.stream().map(SchemaIssue::diagnostic).filter(Diagnostic::isError).map(d -> d.id() + " " + d.location().pointer() + " " + d.message()).toList();
  }

  @Test
  void everyJsonBlockIsAWholeInputThatItsValidatorAccepts() {
    Map<String, Integer> counts = new TreeMap<>();
    Schema fallback = SchemaLoader.parse("schema-converter.md", blocks("schema-converter").stream().filter(b -> b.kind().equals("schema"))
        .findFirst().orElseThrow().text()).unwrap();
    for (Guide g : Guides.all()) {
      Schema last = fallback;
      for (Block b : blocks(g.id())) {
        counts.merge(b.kind(), 1, Integer::sum);
        switch (b.kind()) {
          case "model" -> assertThat(DataModelLoader.parse(b.name(), b.text()).errors()).as(b.name()).isEmpty();
          case "cost" -> assertThat(CostRequest.fromJson(b.root(), b.name()).flatMap(CostCalculator::compute).diagnostics())
              .as(b.name()).filteredOn(d -> d.isError() || d.id().equals("Cost.UnknownField")).isEmpty();
          case "schema" -> {
            assertThat(errors(SchemaLoader.check(JsonDocument.parse(b.name(), b.text()).unwrap()))).as(b.name()).isEmpty();
            last = SchemaLoader.parse(b.name(), b.text()).unwrap();
          }
          case "usage" -> assertThat(errors(UsageDataRules.check(JsonDocument.parse(b.name(), b.text()).unwrap(), last))).as(b.name()).isEmpty();
          default -> throw new AssertionError(b.name() + " is not a whole model, cost input, schema.json or usage data file:\n" + b.text());
        }
      }
    }
    assertThat(counts).containsKeys("model", "cost", "schema", "usage");
  }

  static void keys(JsonNode n, Set<String> out) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
        var e = it.next();
        out.add(e.getKey());
        keys(e.getValue(), out);
      }
    } else if (n.isArray()) {
      n.forEach(c -> keys(c, out));
    }
  }

  /** Property name to the values it takes anywhere in {@code n} (text values, array elements included). */
  static void values(JsonNode n, Map<String, Set<String>> out) {
    if (n.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
        var e = it.next();
        if (e.getValue().isValueNode()) {
          out.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue().asText());
        }
        values(e.getValue(), out);
      }
    } else if (n.isArray()) {
      n.forEach(c -> values(c, out));
    }
  }

  /** Property names and, per property, the closed value set ({@code enum}) the JSON Schema declares. */
  static void declared(JsonNode schema, Set<String> names, Map<String, Set<String>> enums) {
    if (schema.isObject()) {
      JsonNode props = schema.get("properties");
      if (props != null && props.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = props.properties().iterator(); it.hasNext(); ) {
          var e = it.next();
          if (e.getValue().path("deprecated").asBoolean(false)) {
            continue; // a misplaced key the loader warns about; nobody should write it
          }
          names.add(e.getKey());
          List<JsonNode> enumNodes = new ArrayList<>();
          collectEnums(e.getValue(), enumNodes);
          for (JsonNode en : enumNodes) {
            for (JsonNode v : en) {
              if (v.isTextual() && !v.asText().isEmpty()) {
                enums.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(v.asText());
              }
            }
          }
        }
      }
      schema.forEach(c -> declared(c, names, enums));
    } else if (schema.isArray()) {
      schema.forEach(c -> declared(c, names, enums));
    }
  }

  /** The enums of a property schema itself (directly or through anyOf / allOf), not of nested properties. */
  static void collectEnums(JsonNode prop, List<JsonNode> out) {
    if (prop.has("enum")) {
      out.add(prop.get("enum"));
    }
    for (String k : List.of("anyOf", "oneOf", "allOf")) {
      prop.path(k).forEach(c -> collectEnums(c, out));
    }
  }

  @Test
  void everySchemaJsonFieldAndValueOfTheJsonSchemaHasAnExampleInTheConverterGuide() {
    Set<String> names = new TreeSet<>();
    Map<String, Set<String>> enums = new TreeMap<>();
    declared(Json.parseTrusted(SchemaJsonSchema.text()), names, enums);
    names.remove("$schema"); // an editor hint, ignored
    Set<String> used = new TreeSet<>();
    Map<String, Set<String>> usedValues = new TreeMap<>();
    for (Block b : blocks("schema-converter")) {
      if (b.kind().equals("schema")) {
        keys(b.root(), used);
        values(b.root(), usedValues);
      }
    }
    assertThat(names).hasSizeGreaterThan(30);
    assertThat(names).as("schema.json fields without an example in schema-converter.md").isSubsetOf(used);
    List<String> missing = new ArrayList<>();
    enums.forEach((prop, vals) -> vals.forEach(v -> {
      if (!usedValues.getOrDefault(prop, Set.of()).contains(v)) {
        missing.add(prop + "=" + v);
      }
    }));
    assertThat(missing).as("closed values without an example in schema-converter.md").isEmpty();
  }

  @Test
  void everyUsageDataSectionHasAnExampleInTheUsageGuide() {
    Set<String> used = new TreeSet<>();
    for (Block b : blocks("usage-data")) {
      if (b.kind().equals("usage")) {
        keys(b.root(), used);
      }
    }
    assertThat(used).contains("entities").containsAll(UsageDataRules.SECTIONS);
  }
}
