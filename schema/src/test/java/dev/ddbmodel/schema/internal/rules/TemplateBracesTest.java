package dev.ddbmodel.schema.internal.rules;

import dev.ddbmodel.schema.SchemaLoader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A key template's braces only ever delimit placeholders (issue 18: `{{email}}` gave every item the key `EMAIL#{email}`). */
class TemplateBracesTest {
  @ParameterizedTest
  @ValueSource(strings = {"EMAIL#{{email}}", "{{customer_id}}", "CUSTOMER#}{customer_id}{", "A#{customer_id}}{x{", "X{#{customer_id}}"})
  void strayBracesAreRejected(String template) throws Exception {
    ObjectNode s = (ObjectNode) Json.parseTrusted(Files.readString(Path.of("../examples/models/ecommerce/schema.json"), StandardCharsets.UTF_8));
    ObjectNode customer = (ObjectNode) s.get("tables").get(0).get("entities").get("Customer");
    customer.put("pk_template", template);
    var issues = SchemaLoader.check(JsonDocument.parse("schema.json", Json.pretty(s)).unwrap());
    List<String> ids = issues.stream().map(i -> i.diagnostic().id()).toList();
    assertThat(ids).contains("Schema.Template");
    assertThat(issues.stream().filter(i -> i.diagnostic().id().equals("Schema.Template")).findFirst().orElseThrow().diagnostic().message())
        .contains(template);
  }
}
