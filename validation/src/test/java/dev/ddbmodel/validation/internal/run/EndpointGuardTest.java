package dev.ddbmodel.validation.internal.run;

import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationRequest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.validation.LocalDynamoDb;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The loopback-only endpoint guard of a validation run (it creates and deletes tables). */
class EndpointGuardTest {
  @TempDir Path tmp;

  static Optional<String> refusal(String endpoint) {
    return ModelValidation.checkEndpoint(URI.create(endpoint)).map(Diagnostic::id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000", "https://127.0.0.5:8443"})
  void loopbackIsAllowed(String endpoint) {
    assertThat(refusal(endpoint)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://192.0.2.10:8000", "http://dynamodb.us-east-1.amazonaws.com", "https://10.0.0.1", "http://[2001:db8::1]:8000",
      "http://127.0.0.1.attacker.example:8000", "http://localhost.attacker.example"})
  void everythingElseIsRefused(String endpoint) {
    assertThat(refusal(endpoint)).contains("Validation.RemoteEndpoint");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://127.0.0.1/x", "file:///tmp/x", "localhost:8000"})
  void notAnHttpUrl(String endpoint) {
    assertThat(refusal(endpoint)).contains("Validation.BadEndpoint");
  }

  @Test
  void existingTablesAreNotReplacedUnlessConfirmed() throws Exception {
    Files.copy(Path.of("../examples/models/ecommerce/dynamodb_data_model.json"), tmp.resolve("dynamodb_data_model.json"));
    try (LocalDynamoDb local = LocalDynamoDb.server()) {
      local.client().createTable(b -> b.tableName("Shop").billingMode("PAY_PER_REQUEST")
          .attributeDefinitions(a -> a.attributeName("id").attributeType("S")).keySchema(k -> k.attributeName("id").keyType("HASH")));
      var r = ModelValidation.run(new ModelValidationRequest(tmp, local.endpoint(), false, false, false, null));
      assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Validation.TablesExist");
      assertThat(local.client().describeTable(b -> b.tableName("Shop")).table().keySchema().get(0).attributeName()).isEqualTo("id");
    }
  }
}
