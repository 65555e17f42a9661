package dev.ddbmodel.core.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;

/**
 * Table settings beyond keys, indexes and capacity, each as DynamoDB applies it
 * (docs/data-model-format.md names the source of each): the stream ({@code DataModel.Stream}),
 * server-side encryption ({@code DataModel.Sse}), the resource policy
 * ({@code DataModel.ResourcePolicy}) and TTL on a key attribute ({@code DataModel.TtlOnKey}).
 */
final class TableSettingsRules {
  private TableSettingsRules() {}

  static void check(TableView t, Findings c) {
    JsonNode n = t.node();
    String p = t.pointer();
    JsonNode stream = n.path("StreamSpecification");
    if (stream.path("StreamEnabled").asBoolean(false) && !stream.has("StreamViewType")) {
      c.error("DataModel.Stream", p + "/StreamSpecification", "a stream needs a StreamViewType when StreamEnabled is true",
          "add \"StreamViewType\": \"NEW_AND_OLD_IMAGES\" (or NEW_IMAGE, OLD_IMAGE, KEYS_ONLY)");
    }
    if (stream.isObject() && !stream.path("StreamEnabled").asBoolean(true) && stream.has("StreamViewType")) {
      c.error("DataModel.Stream", p + "/StreamSpecification/StreamViewType", "StreamViewType is only allowed when StreamEnabled is true",
          "remove StreamViewType, or set StreamEnabled to true");
    }
    JsonNode sse = n.path("SSESpecification");
    if (sse.has("KMSMasterKeyId") && !sse.path("SSEType").asText("").equals("KMS")) {
      c.error("DataModel.Sse", p + "/SSESpecification/KMSMasterKeyId", "KMSMasterKeyId needs \"SSEType\": \"KMS\"",
          "add \"SSEType\": \"KMS\" and \"Enabled\": true");
    }
    if (n.path("ResourcePolicy").isTextual()) {
      JsonNode policy = null;
      try {
        policy = Json.parseTrusted(n.get("ResourcePolicy").asText());
      } catch (RuntimeException e) {
        policy = null;
      }
      if (policy == null || !policy.isObject() || !policy.has("Statement")) {
        c.error("DataModel.ResourcePolicy", p + "/ResourcePolicy", "ResourcePolicy must be a JSON policy document (an object with `Statement`) in a string",
            "serialize the policy document ({\"Version\": \"2012-10-17\", \"Statement\": [...]}) into the string");
      }
    }
  }

  /** A TTL attribute that is also a key attribute of the table or an index. */
  static void ttlOnKey(TableView t, Findings c) {
    JsonNode ttl = t.node().path("TimeToLiveSpecification");
    if (ttl.path("AttributeName").isTextual()) {
      String ta = ttl.get("AttributeName").asText();
      if (t.types().containsKey(ta) && t.used().contains(ta)) {
        c.warn("DataModel.TtlOnKey", t.pointer() + "/TimeToLiveSpecification/AttributeName", "TTL attribute `" + ta + "` is also a key attribute",
            "use a separate number attribute holding the expiry time in epoch seconds");
      }
    }
  }
}
