package dev.ddbmodel.codegen.internal.infra;

import dev.ddbmodel.codegen.InfraGenerator;
import dev.ddbmodel.codegen.InfraRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.core.IndexSpec;
import dev.ddbmodel.core.TableSpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InfraGeneratorTest {
  @TempDir Path tmp;

  static Stream<String> models() {
    return Stream.of("ecommerce", "iot-telemetry", "social", "saas-multitenant", "storefront");
  }

  static Path model(String name) {
    return Path.of("../examples/models", name, "dynamodb_data_model.json");
  }

  @ParameterizedTest
  @MethodSource("models")
  void cloudFormationCoversEveryTableKeyIndexAndProjection(String name) throws Exception {
    Path copy = tmp.resolve("dynamodb_data_model.json");
    Files.copy(model(name), copy);
    var r = InfraGenerator.generate(InfraRequest.of(copy, InfraRequest.Type.CLOUDFORMATION)).unwrap();
    assertThat(r.files()).containsExactly("README.md", "template.json", "template.yaml");
    JsonNode t = Json.parseTrusted(Files.readString(r.outputDir().resolve("template.json")));
    DataModel m = DataModelLoader.load(copy).unwrap();
    assertThat(t.path("Resources").size()).isEqualTo(m.tables().size());
    for (TableSpec spec : m.tables()) {
      JsonNode res = t.path("Resources").path(InfraGenerator.logicalId(spec.name()));
      assertThat(res.path("Type").asText()).isEqualTo("AWS::DynamoDB::Table");
      assertThat(res.path("DeletionPolicy").asText()).isEqualTo("Retain");
      JsonNode p = res.path("Properties");
      assertThat(p.path("TableName").asText()).isEqualTo(spec.name());
      assertThat(p.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
      assertThat(p.path("KeySchema")).isEqualTo(spec.createTableRequest().get("KeySchema"));
      assertThat(p.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean()).isTrue();
      assertThat(p.path("GlobalSecondaryIndexes").size()).isEqualTo(spec.globalSecondaryIndexes().size());
      for (int i = 0; i < spec.globalSecondaryIndexes().size(); i++) {
        IndexSpec g = spec.globalSecondaryIndexes().get(i);
        JsonNode cg = p.path("GlobalSecondaryIndexes").get(i);
        assertThat(cg.path("IndexName").asText()).isEqualTo(g.name());
        assertThat(cg.path("KeySchema").size()).isEqualTo(g.keySchema().size());
        assertThat(cg.path("Projection").path("ProjectionType").asText()).isEqualTo(g.projection().type().name());
      }
      spec.timeToLive().ifPresent(ttl -> assertThat(p.path("TimeToLiveSpecification").path("AttributeName").asText()).isEqualTo(ttl.attributeName()));
    }
    String yaml = Files.readString(r.outputDir().resolve("template.yaml"));
    assertThat(yaml).contains("AWSTemplateFormatVersion: \"2010-09-09\"").contains("Type: \"AWS::DynamoDB::Table\"");
  }

  @Test
  void multiAttributeKeysAndTtlInTheIotModel() throws Exception {
    DataModel m = DataModelLoader.load(model("iot-telemetry")).unwrap();
    JsonNode t = InfraGenerator.template(m, InfraRequest.of(model("iot-telemetry"), InfraRequest.Type.CLOUDFORMATION));
    JsonNode fleet = t.path("Resources").path("FleetTable").path("Properties");
    JsonNode gsi = fleet.path("GlobalSecondaryIndexes").get(0);
    assertThat(gsi.path("KeySchema").toString()).isEqualTo(
        "[{\"AttributeName\":\"site_id\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"kind\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"status\",\"KeyType\":\"RANGE\"}]");
    assertThat(t.path("Resources").path("TelemetryTable").path("Properties").path("TimeToLiveSpecification").toString())
        .isEqualTo("{\"AttributeName\":\"expires_at\",\"Enabled\":true}");
  }

  @Test
  void everyCreateTableSettingIsCarriedByTheOnePropertyTable() throws Exception {
    DataModel m = DataModelLoader.load(CfnLintIT.EVERY_SETTING).unwrap();
    InfraRequest req = InfraRequest.of(CfnLintIT.EVERY_SETTING, InfraRequest.Type.CLOUDFORMATION);
    JsonNode res = InfraGenerator.template(m, req).path("Resources");
    JsonNode orders = res.path("OrdersTable").path("Properties");
    // StreamEnabled is not a CloudFormation property (it broke cfn-lint with E3002/E3003)
    assertThat(orders.path("StreamSpecification").toString()).isEqualTo("{\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}");
    assertThat(orders.path("SSESpecification").toString()).isEqualTo("{\"SSEEnabled\":true,\"SSEType\":\"KMS\","
        + "\"KMSMasterKeyId\":\"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab\"}");
    // ResourcePolicy and GSI throughput settings were dropped before
    assertThat(orders.path("ResourcePolicy").path("PolicyDocument").path("Statement").get(0).path("Sid").asText()).isEqualTo("DenyInsecureTransport");
    assertThat(orders.path("GlobalSecondaryIndexes").get(0).path("WarmThroughput").toString())
        .isEqualTo("{\"ReadUnitsPerSecond\":12000,\"WriteUnitsPerSecond\":4000}");
    assertThat(orders.path("TableClass").asText()).isEqualTo("STANDARD_INFREQUENT_ACCESS");
    assertThat(orders.path("DeletionProtectionEnabled").asBoolean()).isTrue();
    assertThat(orders.path("Tags").size()).isEqualTo(2);
    assertThat(orders.path("PointInTimeRecoverySpecification").toString())
        .isEqualTo("{\"PointInTimeRecoveryEnabled\":true,\"RecoveryPeriodInDays\":7}");
    assertThat(orders.path("LocalSecondaryIndexes").get(0).path("IndexName").asText()).isEqualTo("ByPlaced");
    JsonNode events = res.path("EventsTable").path("Properties");
    assertThat(events.path("GlobalSecondaryIndexes").get(0).path("OnDemandThroughput").toString())
        .isEqualTo("{\"MaxReadRequestUnits\":200,\"MaxWriteRequestUnits\":100}");
    assertThat(events.path("OnDemandThroughput").path("MaxReadRequestUnits").asInt()).isEqualTo(1000);
    assertThat(events.path("SSESpecification").toString()).isEqualTo("{\"SSEEnabled\":true}");
    assertThat(events.has("PointInTimeRecoverySpecification")).as("the model turns PITR off").isFalse();
    assertThat(res.path("AuditTable").path("Properties").path("StreamSpecification").path("StreamViewType").asText()).isEqualTo("OLD_IMAGE");
    assertThat(res.path("SessionsTable").path("Properties").path("SSESpecification").toString()).isEqualTo("{\"SSEEnabled\":true,\"SSEType\":\"KMS\"}");
    // auto scaling: table reads and writes, GSI reads
    List<String> scaling = new java.util.ArrayList<>();
    res.properties().forEach(e -> {
      if (e.getValue().path("Type").asText().startsWith("AWS::ApplicationAutoScaling::")) {
        scaling.add(e.getKey());
      }
    });
    assertThat(scaling).containsExactly("OrdersTableReadScalableTarget", "OrdersTableReadScalingPolicy", "OrdersTableWriteScalableTarget",
        "OrdersTableWriteScalingPolicy", "OrdersTableByCustomerIndexReadScalableTarget", "OrdersTableByCustomerIndexReadScalingPolicy");
    JsonNode gsiTarget = res.path("OrdersTableByCustomerIndexReadScalableTarget").path("Properties");
    assertThat(gsiTarget.toString()).isEqualTo("{\"MaxCapacity\":100,\"MinCapacity\":5,\"ResourceId\":{\"Fn::Join\":[\"/\",[\"table\","
        + "{\"Ref\":\"OrdersTable\"},\"index/ByCustomer\"]]},\"ScalableDimension\":\"dynamodb:index:ReadCapacityUnits\",\"ServiceNamespace\":\"dynamodb\"}");
    JsonNode policy = res.path("OrdersTableWriteScalingPolicy").path("Properties");
    assertThat(policy.path("ScalingTargetId").path("Ref").asText()).isEqualTo("OrdersTableWriteScalableTarget");
    assertThat(policy.path("TargetTrackingScalingPolicyConfiguration").toString())
        .isEqualTo("{\"TargetValue\":60,\"PredefinedMetricSpecification\":{\"PredefinedMetricType\":\"DynamoDBWriteCapacityUtilization\"}}");

    String stack = new String(InfraGenerator.files(m, InfraRequest.of(CfnLintIT.EVERY_SETTING, InfraRequest.Type.CDK))
        .get("lib/data-model-stack.ts"), StandardCharsets.UTF_8);
    // SSE keys were mis-cased (sSEEnabled) and streamEnabled did not compile
    assertThat(stack).contains("sseSpecification: {\n        sseEnabled: true,\n        sseType: 'KMS',\n        kmsMasterKeyId: ")
        .doesNotContain("sSE").doesNotContain("streamEnabled").doesNotContain("kMS")
        .contains("policyDocument: {\n          Version: '2012-10-17',")
        .contains("resourceId: cdk.Fn.join('/', ['table', ordersTable.ref, 'index/ByCustomer'])")
        .contains("scalingTargetId: ordersTableWriteScalableTarget.ref")
        .contains("new appscaling.CfnScalingPolicy(this, 'OrdersTableReadScalingPolicy', {");
  }

  @Test
  void aModelSettingWithoutAMappingIsABugNotASilentDrop() {
    var unmapped = TableProperties.unmapped(Json.parseTrusted("{\"TableName\": \"x\", \"NewSetting\": 1, \"StreamSpecification\": {}}"),
        TableProperties.TABLE, TableProperties.HANDLED_ELSEWHERE);
    assertThat(unmapped).containsExactly("NewSetting");
  }

  @Test
  void deterministicAndOptionsApplied() throws Exception {
    DataModel m = DataModelLoader.load(model("ecommerce")).unwrap();
    var req = new InfraRequest(model("ecommerce"), InfraRequest.Type.CDK, Optional.empty(), false, false, true, false, "Shop");
    Map<String, byte[]> a = InfraGenerator.files(m, req);
    Map<String, byte[]> b = InfraGenerator.files(m, req);
    assertThat(a.keySet()).containsExactly(".gitignore", "README.md", "bin/app.ts", "cdk.json", "lib/data-model-stack.ts", "package.json", "tsconfig.json");
    a.forEach((k, v) -> assertThat(v).as(k).isEqualTo(b.get(k)));
    String stack = new String(a.get("lib/data-model-stack.ts"), StandardCharsets.UTF_8);
    assertThat(stack).contains("new dynamodb.CfnTable(this, 'ShopTable'").contains("deletionProtectionEnabled: true")
        .contains("cdk.RemovalPolicy.DESTROY").doesNotContain("pointInTimeRecoverySpecification");
    assertThat(new String(a.get("package.json"), StandardCharsets.UTF_8)).contains("\"aws-cdk-lib\": \"2.276.0\"");
  }

  @Test
  void theResultCarriesTheModelsWarnings() throws Exception {
    Path model = tmp.resolve("warn/dynamodb_data_model.json");
    Files.createDirectories(model.getParent());
    Files.writeString(model, "{\"tables\": [{\"TableName\": \"Things\", \"BillingMode\": \"PAY_PER_REQUEST\","
        + " \"AttributeDefinitions\": [{\"AttributeName\": \"pk\", \"AttributeType\": \"S\"}],"
        + " \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"}]}], \"items\": {}, \"access_patterns\": []}");
    var r = InfraGenerator.generate(InfraRequest.of(model, InfraRequest.Type.CLOUDFORMATION));
    assertThat(r.unwrap().diagnostics()).extracting(Diagnostic::id).contains("DataModel.NoItems");
    assertThat(r.unwrap().diagnostics()).isEqualTo(r.diagnostics());
  }

  @Test
  void refusesInvalidModelsAndOccupiedFolders() throws Exception {
    Path bad = tmp.resolve("bad/dynamodb_data_model.json");
    Files.createDirectories(bad.getParent());
    Files.writeString(bad, "{\"tables\": [{\"TableName\": \"X\"}], \"items\": {}, \"access_patterns\": []}");
    var r = InfraGenerator.generate(InfraRequest.of(bad, InfraRequest.Type.CDK));
    assertThat(r.isValid()).isFalse();
    assertThat(Files.exists(bad.resolveSibling("cdk"))).as("nothing written").isFalse();

    Path good = tmp.resolve("good/dynamodb_data_model.json");
    Files.createDirectories(good.resolveSibling("cdk"));
    Files.copy(model("social"), good);
    Files.writeString(good.resolveSibling("cdk/mine.txt"), "keep");
    var occupied = InfraGenerator.generate(InfraRequest.of(good, InfraRequest.Type.CDK));
    assertThat(occupied.errors()).extracting(Diagnostic::id).containsExactly("Output.NotOurs");
    assertThat(Files.readString(good.resolveSibling("cdk/mine.txt"))).isEqualTo("keep");
  }
}
