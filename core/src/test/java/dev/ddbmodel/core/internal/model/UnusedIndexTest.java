package dev.ddbmodel.core.internal.model;

import dev.ddbmodel.core.DataModelLoader;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.internal.checks.IndexReferences;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code DataModel.UnusedIndex}: an index is used when a pattern names it, or a command names it as a whole token. */
class UnusedIndexTest {
  /** Table Orders with GSI1 and GSI10, table Other with GSI1; the patterns' commands are spliced in. */
  static String model(String... commands) {
    StringBuilder aps = new StringBuilder();
    for (int i = 0; i < commands.length; i++) {
      // the data model has no PartiQL operation name: an execute-statement pattern leaves it out (a warning)
      String op = commands[i].startsWith("aws dynamodb execute-statement") ? "" : " \"dynamodb_operation\": \"Query\",";
      aps.append(i == 0 ? "" : ",").append("{\"pattern\": \"").append(i + 1).append("\", \"description\": \"p\", \"table\": \"Orders\",")
          .append(op).append(" \"implementation\": ")
          .append(dev.ddbmodel.core.json.Json.compact(dev.ddbmodel.core.json.Json.mapper().getNodeFactory().textNode(commands[i]))).append("}");
    }
    String gsi = "{\"IndexName\": \"%s\", \"KeySchema\": [{\"AttributeName\": \"g\", \"KeyType\": \"HASH\"}], \"Projection\": {\"ProjectionType\": \"ALL\"}}";
    String table = "{\"TableName\": \"%s\", \"BillingMode\": \"PAY_PER_REQUEST\","
        + " \"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}, {\"AttributeName\": \"g\", \"AttributeType\": \"S\"}],"
        + " \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}], \"GlobalSecondaryIndexes\": [%s]}";
    return "{\"tables\": [" + table.formatted("Orders", gsi.formatted("GSI1") + "," + gsi.formatted("GSI10")) + ","
        + table.formatted("Other", gsi.formatted("GSI1")) + "], \"items\": {}, \"access_patterns\": [" + aps + "]}";
  }

  /** "table/index" of every UnusedIndex warning, read from its pointer. */
  static List<String> unused(String json) {
    var r = DataModelLoader.parse("m.json", json);
    assertThat(r.diagnostics().stream().filter(d -> d.severity() == dev.ddbmodel.core.Severity.ERROR).map(Diagnostic::toString).toList()).isEmpty();
    return r.diagnostics().stream().filter(d -> d.id().equals("DataModel.UnusedIndex"))
        .map(d -> d.message().replaceAll("index `(.*)` of table `(.*)` is not used.*", "$2/$1")).sorted().toList();
  }

  @Test
  void anIndexWhoseNameIsAPrefixOfAUsedIndexIsStillUnused() {
    // the substring match counted GSI1 as used by a command naming GSI10
    assertThat(unused(model("aws dynamodb query --table-name Orders --index-name GSI10 --key-condition-expression 'g = :g'"
        + " --expression-attribute-values '{\":g\":{\"S\":\"x\"}}'")))
        .containsExactly("Orders/GSI1", "Other/GSI1");
  }

  @Test
  void theIndexNameOptionInEveryShellSpellingCounts() {
    assertThat(unused(model("aws dynamodb query --table-name Orders --index-name=GSI1 --key-condition-expression 'g = :g'",
        "aws dynamodb query --table-name \"Orders\" --index-name 'GSI10' --key-condition-expression 'g = :g'")))
        .containsExactly("Other/GSI1");
  }

  @Test
  void anIndexOfAnotherTableWithTheSameNameDoesNotCount() {
    assertThat(unused(model("aws dynamodb query --table-name Other --index-name GSI1 --key-condition-expression 'g = :g'")))
        .containsExactly("Orders/GSI1", "Orders/GSI10");
  }

  @Test
  void aPartiqlStatementReadingTheIndexCounts() {
    assertThat(unused(model("aws dynamodb execute-statement --statement 'SELECT * FROM \"Orders\".\"GSI10\" WHERE g = ?'",
        "aws dynamodb execute-statement --statement \"SELECT * FROM Other.GSI1 WHERE g = 'x'\"")))
        .containsExactly("Orders/GSI1");
  }

  @Test
  void mentioningTheNameElsewhereInTheCommandDoesNotCount() {
    assertThat(unused(model("aws dynamodb query --table-name Orders --index-name GSI10 --key-condition-expression 'g = :GSI1'")))
        .containsExactly("Orders/GSI1", "Other/GSI1");
  }

  @Test
  void commandWordsFollowTheShellsQuoting() {
    assertThat(IndexReferences.words("aws  dynamodb query --index-name \"By \\\"x\\\"\" 'a b'\\ c --x=''"))
        .containsExactly("aws", "dynamodb", "query", "--index-name", "By \"x\"", "a b c", "--x=");
    assertThat(IndexReferences.of("aws dynamodb query --index-name GSI1 --table-name T"))
        .containsExactly(new IndexReferences.Ref("T", "GSI1"));
    assertThat(IndexReferences.of("aws dynamodb query --index-name")).isEmpty();
  }
}
