package dev.ddbmodel.validation.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationReport;
import dev.ddbmodel.validation.ModelValidationRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sample items already past their TTL are named: DynamoDB (Local too) may delete them mid-run. */
class ExpiredTtlTest {
  @TempDir Path ws;

  static final String MODEL = """
      {"tables": [{"TableName": "Sessions",
         "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
         "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
         "BillingMode": "PAY_PER_REQUEST",
         "TimeToLiveSpecification": {"AttributeName": "expires", "Enabled": true}}],
       "items": {"Sessions": [
         {"PutRequest": {"Item": {"id": {"S": "old"}, "expires": {"N": "1700000000"}}}},
         {"PutRequest": {"Item": {"id": {"S": "new"}, "expires": {"N": "4102444800"}}}},
         {"PutRequest": {"Item": {"id": {"S": "none"}}}}]},
       "access_patterns": [{"pattern": "1", "description": "Get a session", "table": "Sessions", "dynamodb_operation": "GetItem",
         "implementation": "aws dynamodb get-item --table-name Sessions --key '{\\"id\\": {\\"S\\": \\"new\\"}}'"}]}
      """;

  ModelValidationReport run(String instant) throws Exception {
    Files.writeString(ws.resolve("dynamodb_data_model.json"), MODEL, StandardCharsets.UTF_8);
    var r = ModelValidation.run(new ModelValidationRequest(ws, Optional.empty(), false, false, false,
        Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)));
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    return r.unwrap();
  }

  @Test
  void expiredSampleItemsAreReported() throws Exception {
    String ttl = run("2026-12-01T00:00:00Z").resources().tables().get(0).ttl();
    assertThat(ttl).startsWith("enabled on `expires`; 1 sample item(s) already past their expiry");
  }

  @Test
  void futureExpiriesAreQuiet() throws Exception {
    assertThat(run("2023-01-01T00:00:00Z").resources().tables().get(0).ttl()).isEqualTo("enabled on `expires`");
  }
}
