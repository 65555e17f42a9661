package dev.ddbmodel.validation.internal.local;

import dev.ddbmodel.validation.LocalDynamoDb;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

class LocalDynamoDbTest {

  static void roundTrip(DynamoDbClient c) {
    c.createTable(
        b ->
            b.tableName("Readings")
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                    AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                    AttributeDefinition.builder().attributeName("site").attributeType(ScalarAttributeType.S).build(),
                    AttributeDefinition.builder().attributeName("kind").attributeType(ScalarAttributeType.S).build(),
                    AttributeDefinition.builder().attributeName("ts").attributeType(ScalarAttributeType.N).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(
                    GlobalSecondaryIndex.builder()
                        .indexName("BySiteKind")
                        .keySchema(
                            KeySchemaElement.builder().attributeName("site").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("kind").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("ts").keyType(KeyType.RANGE).build())
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                        .build()));
    for (int i = 0; i < 5; i++) {
      c.putItem(
          b ->
              b.tableName("Readings")
                  .item(
                      Map.of(
                          "pk", AttributeValue.fromS("r" + Math.random()),
                          "site", AttributeValue.fromS("s1"),
                          "kind", AttributeValue.fromS("temp"),
                          "ts", AttributeValue.fromN(Integer.toString(100 + Math.abs(Long.hashCode(System.nanoTime())) % 1000)))));
    }
    var r =
        c.query(
            b ->
                b.tableName("Readings")
                    .indexName("BySiteKind")
                    .keyConditionExpression("site = :s AND kind = :k AND ts >= :t")
                    .expressionAttributeValues(
                        Map.of(
                            ":s", AttributeValue.fromS("s1"),
                            ":k", AttributeValue.fromS("temp"),
                            ":t", AttributeValue.fromN("0"))));
    assertThat(r.count()).isEqualTo(5);
  }

  @Test
  void embeddedSupportsMultiAttributeGsiKeys() {
    try (LocalDynamoDb local = LocalDynamoDb.embedded()) {
      assertThat(local.endpoint()).isEmpty();
      roundTrip(local.client());
    }
  }

  /**
   * The server is reachable on 127.0.0.1 and refuses connections on every other address of this
   * machine (what another host on the network would connect to).
   */
  @Test
  void serverListensOnLoopbackOnly() throws Exception {
    List<InetAddress> others = new ArrayList<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        Collections.list(nic.getInetAddresses()).stream().filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).forEach(others::add);
      }
    }
    Assumptions.assumeFalse(others.isEmpty(), "this machine has no non-loopback address to connect from");
    try (LocalDynamoDb local = LocalDynamoDb.server()) {
      URI endpoint = local.endpoint().orElseThrow();
      assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
      roundTrip(local.client());
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), endpoint.getPort()), 5_000);
      }
      for (InetAddress a : others) {
        assertThatThrownBy(() -> {
          try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(a, endpoint.getPort()), 5_000);
          }
        }).as("connection to %s:%d", a.getHostAddress(), endpoint.getPort()).isInstanceOf(ConnectException.class);
      }
    }
  }
}
