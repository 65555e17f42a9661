package dev.ddbmodel.codegen.internal.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ddbmodel.core.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;

/**
 * A loopback server speaking Application Auto Scaling's JSON protocol (awsJson1.1, operations in
 * {@code X-Amz-Target}) for the four calls DynamoDB auto scaling needs: RegisterScalableTarget,
 * PutScalingPolicy, DescribeScalableTargets and DescribeScalingPolicies, with the service's
 * validation of min/max and of policies on unregistered targets. DynamoDB Local has no such
 * service; the SDK client meets real HTTP, JSON and pagination here.
 */
final class AutoScalingServer implements AutoCloseable {
  private final HttpServer server;
  /** "resourceId|dimension" to the registered target. */
  private final Map<String, ObjectNode> targets = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> policies = new ConcurrentHashMap<>();
  final List<String> calls = new CopyOnWriteArrayList<>();

  AutoScalingServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  ApplicationAutoScalingClient client() {
    return ApplicationAutoScalingClient.builder().endpointOverride(endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.create()).build();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
    String op = target == null ? "" : target.substring(target.indexOf('.') + 1);
    calls.add(op);
    JsonNode req = Json.parseTrusted(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    ObjectNode out = Json.object();
    int status = 200;
    if (!"dynamodb".equals(req.path("ServiceNamespace").asText())) {
      status = 400;
      out.put("__type", "ValidationException").put("message", "Unsupported service namespace " + req.path("ServiceNamespace").asText());
    } else {
      switch (op) {
        case "RegisterScalableTarget" -> {
          if (req.path("MinCapacity").asLong() > req.path("MaxCapacity").asLong()) {
            status = 400;
            out.put("__type", "ValidationException").put("message", "Minimum capacity cannot be greater than maximum capacity");
          } else {
            ObjectNode t = Json.object();
            for (String k : List.of("ServiceNamespace", "ResourceId", "ScalableDimension", "MinCapacity", "MaxCapacity")) {
              t.set(k, req.get(k));
            }
            t.put("RoleARN", "arn:aws:iam::111122223333:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable");
            t.put("CreationTime", 1.7e9);
            targets.put(req.path("ResourceId").asText() + "|" + req.path("ScalableDimension").asText(), t);
            out.put("ScalableTargetARN", "arn:aws:application-autoscaling:us-east-1:111122223333:scalable-target/" + targets.size());
          }
        }
        case "PutScalingPolicy" -> {
          String key = req.path("ResourceId").asText() + "|" + req.path("ScalableDimension").asText();
          if (!targets.containsKey(key)) {
            status = 400;
            out.put("__type", "ObjectNotFoundException").put("message", "No scalable target registered for " + key);
          } else {
            ObjectNode p = ((ObjectNode) req).deepCopy();
            p.put("PolicyARN", "arn:aws:autoscaling:us-east-1:111122223333:scalingPolicy:" + policies.size());
            p.put("CreationTime", 1.7e9);
            policies.put(key + "|" + req.path("PolicyName").asText(), p);
            out.put("PolicyARN", p.get("PolicyARN").asText());
          }
        }
        case "DescribeScalableTargets" -> {
          ArrayNode a = out.putArray("ScalableTargets");
          List<String> ids = Json.mapper().convertValue(req.path("ResourceIds"), List.class);
          targets.values().stream().filter(t -> ids == null || ids.isEmpty() || ids.contains(t.path("ResourceId").asText()))
              .sorted(java.util.Comparator.comparing(t -> t.path("ResourceId").asText() + t.path("ScalableDimension").asText()))
              .forEach(a::add);
        }
        case "DescribeScalingPolicies" -> {
          ArrayNode a = out.putArray("ScalingPolicies");
          policies.values().stream().filter(p -> !req.has("ResourceId") || p.path("ResourceId").asText().equals(req.path("ResourceId").asText()))
              .filter(p -> !req.has("ScalableDimension") || p.path("ScalableDimension").asText().equals(req.path("ScalableDimension").asText()))
              .forEach(a::add);
        }
        default -> {
          status = 400;
          out.put("__type", "UnknownOperationException").put("message", "unknown operation " + op);
        }
      }
    }
    byte[] body = Json.compact(out).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }
}
