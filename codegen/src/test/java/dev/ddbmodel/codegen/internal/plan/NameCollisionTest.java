package dev.ddbmodel.codegen.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that a language's naming policy maps to one identifier are refused with
 * {@code Codegen.NameCollision} instead of generating clashing code; entity names are mangled
 * deterministically into class names.
 */
class NameCollisionTest {
  @TempDir Path tmp;

  static ObjectNode entity(ObjectNode entities, String name, String prefix, String... fields) {
    ObjectNode e = entities.putObject(name);
    e.put("entity_type", prefix).put("pk_template", prefix + "#{id}").put("sk_template", prefix);
    ArrayNode fs = e.putArray("fields");
    fs.addObject().put("name", "id").put("type", "string").put("required", true);
    for (String f : fields) {
      fs.addObject().put("name", f).put("type", "string").put("required", false);
    }
    e.putArray("access_patterns");
    return e;
  }

  Path schema(boolean entityClash, boolean fieldClash) throws Exception {
    ObjectNode root = Json.object();
    ObjectNode t = root.putArray("tables").addObject();
    t.putObject("table_config").put("table_name", "Things").put("partition_key", "pk").put("sort_key", "sk");
    ObjectNode entities = t.putObject("entities");
    entity(entities, "user_profile", "A", fieldClash ? new String[] {"user_id", "userId"} : new String[] {"user_id"});
    if (entityClash) {
      entity(entities, "UserProfile", "B");
    }
    Path dir = Files.createDirectories(tmp.resolve("in" + entityClash + fieldClash));
    return Files.writeString(dir.resolve("schema.json"), Json.pretty(root), StandardCharsets.UTF_8);
  }

  Optional<Diagnostic> clash(Path schema, DalRequest.Language lang) {
    Path out = tmp.resolve("out-" + lang + schema.getParent().getFileName());
    var r = DalGenerator.generate(new DalRequest(schema, lang, Optional.of(out), Optional.empty(), false));
    if (r.isValid()) {
      return Optional.empty();
    }
    assertThat(out).doesNotExist();
    assertThat(r.diagnostics()).as("only name clashes").allMatch(d -> !d.isError() || d.id().equals("Codegen.NameCollision"));
    return r.diagnostics().stream().filter(d -> d.id().equals("Codegen.NameCollision")).findFirst();
  }

  @Test
  void entitiesThatBecomeOneClassAreRefusedInEveryLanguage() throws Exception {
    Path s = schema(true, false);
    for (DalRequest.Language lang : DalRequest.Language.values()) {
      Diagnostic d = clash(s, lang).orElseThrow(() -> new AssertionError(lang + " generated two classes UserProfile"));
      assertThat(d.message()).contains("`user_profile`").contains("`UserProfile`");
    }
  }

  @Test
  void fieldsThatBecomeOneCamelNameAreRefusedWhereTheyMeet() throws Exception {
    Path s = schema(false, true);
    assertThat(clash(s, DalRequest.Language.JAVA)).as("Java: user_id and userId are both userId").isPresent();
    // Python keeps snake_case names as they are and TypeScript keeps field names verbatim: no clash there
    assertThat(clash(s, DalRequest.Language.PYTHON)).isEmpty();
    assertThat(clash(s, DalRequest.Language.TYPESCRIPT)).isEmpty();
    assertThat(clash(schema(false, false), DalRequest.Language.JAVA)).isEmpty();
  }

  @Test
  void entityNamesAreMangledDeterministically() {
    assertThat(Naming.typeName("Order", Set.of())).isEqualTo("Order");
    assertThat(Naming.typeName("order_item", Set.of())).isEqualTo("OrderItem");
    String hostile = Naming.typeName("a\"; drop */ b", Set.of());
    assertThat(hostile).matches("[A-Za-z][A-Za-z0-9_]*").isEqualTo(Naming.typeName("a\"; drop */ b", Set.of()));
    assertThat(Naming.typeName("a b", Set.of())).isNotEqualTo(Naming.typeName("a-b", Set.of()));
    assertThat(Naming.typeName("1st", Set.of())).matches("[A-Za-z].*");
    assertThat(Naming.typeName("", Set.of())).matches("[A-Za-z][A-Za-z0-9_]*");
    assertThat(Naming.typeName("Page", Set.of("Page"))).isEqualTo("PageEntity");
  }
}
