package dev.ddbmodel.analyzer.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Cardinality;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.HeavyValue;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.KeySkew;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Relationship;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.TableProfile;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Workload;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.testing.StringAttacks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The profile part of analysis.json matches its JSON Schema ($defs/profile), whatever the database's names and values are; the schema refuses a broken document. */
public class ProfileJsonTest {
  static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
      .getSchema(SchemaLocation.of("classpath:" + dev.ddbmodel.analyzer.internal.workload.AnalysisJson.SCHEMA_RESOURCE + "#/$defs/profile"));

  public static List<Error> validate(String json) {
    return SCHEMA.validate(json, InputFormat.JSON);
  }

  static String render(ProfileResult r) {
    return dev.ddbmodel.core.json.Json.pretty(ProfileJson.tree(r));
  }

  static ProfileResult sample(String name) {
    TableProfile t = new TableProfile(name, 13_000, false, 40.0, 44L, "pg_column_size", 33.9, 36L, 200,
        new Workload(10, 0, "scans", "rows", 60));
    TableProfile noStats = new TableProfile("t2", 5, true, null, null, "x", null, null, 0, null);
    Relationship r = new Relationship("fk", name, List.of("customer_id"), "customers", List.of("id"), 1100, 1100, false, 0, 3, 3, 10_000, 11.8,
        0.09, Cardinality.ONE_TO_HUGE);
    KeySkew k = new KeySkew(name, "customer_id", "FK,INDEX", 1001, true, "pg_stats",
        List.of(new HeavyValue(name, 0.77, 3900, Double.POSITIVE_INFINITY, true)));
    return new ProfileResult("PostgreSQL", "public", ProfileRequest.defaults(), List.of(t, noStats), List.of(r), List.of(k), List.of(name + ": budget exhausted"),
        List.of(Diagnostic.warning("Profile.HotKey", name, null, null)), 12, 34);
  }

  @Test
  void everyAttackStringAsANameOrValueGivesAValidDocument() throws Exception {
    for (String attack : StringAttacks.all().stream().map(StringAttacks.Attack::value).toList()) {
      String json = render(sample(attack));
      assertThat(validate(json)).as("for %s", attack).isEmpty();
      JsonNode doc = new ObjectMapper().readTree(json);
      assertThat(doc.path("keys").get(0).path("heaviest").get(0).path("value").asText()).isEqualTo(attack);
      assertThat(doc.path("keys").get(0).path("heaviest").get(0).path("saturates_at_writes_per_second").isNull()).isTrue();
      assertThat(doc.path("tables").get(0).path("workload").path("reads_per_write").isNull()).isTrue();
    }
  }

  @Test
  void theSchemaRefusesAMissingFigureAndAnUnknownClass() throws Exception {
    ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(render(sample("orders")));
    ((ObjectNode) doc.path("relationships").get(0)).remove("p99");
    assertThat(validate(doc.toString())).isNotEmpty();
    doc = (ObjectNode) new ObjectMapper().readTree(render(sample("orders")));
    ((ObjectNode) doc.path("relationships").get(0)).put("cardinality", "1:lots");
    assertThat(validate(doc.toString())).isNotEmpty();
  }

  @Test
  void markdownCellsCannotBreakTheTable() {
    for (String attack : StringAttacks.all().stream().map(StringAttacks.Attack::value).toList()) {
      String md = ProfileWriter.render(sample(attack));
      assertThat(md.lines().filter(l -> l.contains(" → customers(id)"))).as("one relationship row for %s", attack).hasSize(1)
          .allSatisfy(l -> assertThat(l).startsWith("| "));
      for (String line : md.split("\n")) {
        if (line.startsWith("| ") && line.contains(" → customers(id)")) {
          // 10 columns: 11 unescaped pipes
          assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count()).as("row for %s", attack).isEqualTo(11);
        }
      }
    }
  }
}
