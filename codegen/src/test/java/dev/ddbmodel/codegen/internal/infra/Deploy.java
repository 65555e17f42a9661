package dev.ddbmodel.codegen.internal.infra;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;

/** Deploys the auto scaling resources of a generated CloudFormation template with the calls CloudFormation makes. */
final class Deploy {
  private Deploy() {}

  static void autoScaling(JsonNode template, ApplicationAutoScalingClient client) {
    JsonNode resources = template.path("Resources");
    Map<String, JsonNode> targets = new HashMap<>();
    for (var it = resources.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      JsonNode p = e.getValue().path("Properties");
      if (e.getValue().path("Type").asText().equals("AWS::ApplicationAutoScaling::ScalableTarget")) {
        String id = resolve(p.path("ResourceId"), resources);
        client.registerScalableTarget(b -> b.serviceNamespace(p.path("ServiceNamespace").asText()).resourceId(id)
            .scalableDimension(p.path("ScalableDimension").asText()).minCapacity(p.path("MinCapacity").asInt())
            .maxCapacity(p.path("MaxCapacity").asInt()));
        targets.put(e.getKey(), p);
      }
    }
    for (var it = resources.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      JsonNode p = e.getValue().path("Properties");
      if (e.getValue().path("Type").asText().equals("AWS::ApplicationAutoScaling::ScalingPolicy")) {
        JsonNode target = targets.get(p.path("ScalingTargetId").path("Ref").asText());
        JsonNode tt = p.path("TargetTrackingScalingPolicyConfiguration");
        client.putScalingPolicy(b -> b.policyName(p.path("PolicyName").asText()).policyType(p.path("PolicyType").asText())
            .serviceNamespace(target.path("ServiceNamespace").asText()).resourceId(resolve(target.path("ResourceId"), resources))
            .scalableDimension(target.path("ScalableDimension").asText())
            .targetTrackingScalingPolicyConfiguration(c -> c.targetValue(tt.path("TargetValue").asDouble())
                .predefinedMetricSpecification(m -> m.predefinedMetricType(tt.path("PredefinedMetricSpecification").path("PredefinedMetricType").asText()))));
      }
    }
  }

  /** Fn::Join and Ref (a table's Ref is its name) as CloudFormation resolves them. */
  static String resolve(JsonNode v, JsonNode resources) {
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.has("Ref")) {
      return resources.path(v.get("Ref").asText()).path("Properties").path("TableName").asText();
    }
    JsonNode join = v.get("Fn::Join");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < join.get(1).size(); i++) {
      sb.append(i == 0 ? "" : join.get(0).asText()).append(resolve(join.get(1).get(i), resources));
    }
    return sb.toString();
  }
}
