package dev.ddbmodel.validation.internal.workbench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Seeded random {@code dynamodb_data_model.json} documents within what a Workbench file can hold:
 * tables with S/N/B keys, single-attribute GSIs and LSIs with every projection, both billing modes,
 * provisioned capacity and auto scaling shared by the table and its GSIs, and sample items using
 * every attribute type (sets, maps, lists, binary, null, booleans). Attribute definitions are in the
 * order import writes them (table keys, then GSI keys, then LSI keys).
 */
final class RandomModels {
  private RandomModels() {}

  private static final String[] TYPES = {"S", "N", "B"};
  private static final String[] NAMES = {"pk", "sk", "gsi1pk", "gsi1sk", "Status", "Email", "created", "Score", "tenant", "kind", "Ort", "état", "数据"};

  static ObjectNode model(long seed) {
    Random r = new Random(seed);
    ObjectNode m = Json.object();
    ArrayNode tables = m.putArray("tables");
    ObjectNode items = m.putObject("items");
    m.putArray("access_patterns");
    int n = 1 + r.nextInt(3);
    for (int t = 0; t < n; t++) {
      String name = "Tbl_" + t + "-" + Integer.toString(r.nextInt(1 << 20), 36);
      Map<String, String> defs = new LinkedHashMap<>();
      String pk = "pk" + r.nextInt(3);
      defs.put(pk, TYPES[r.nextInt(3)]);
      String sk = r.nextBoolean() ? "sk" + r.nextInt(3) : null;
      if (sk != null) {
        defs.put(sk, TYPES[r.nextInt(3)]);
      }
      ObjectNode table = tables.addObject();
      table.put("TableName", name);
      ArrayNode ad = table.putArray("AttributeDefinitions");
      ArrayNode ks = table.putArray("KeySchema");
      ks.addObject().put("AttributeName", pk).put("KeyType", "HASH");
      if (sk != null) {
        ks.addObject().put("AttributeName", sk).put("KeyType", "RANGE");
      }
      boolean provisioned = r.nextBoolean();
      table.put("BillingMode", provisioned ? "PROVISIONED" : "PAY_PER_REQUEST");
      ObjectNode throughput = null;
      ObjectNode scaling = null;
      if (provisioned) {
        throughput = Json.object().put("ReadCapacityUnits", 1 + r.nextInt(100)).put("WriteCapacityUnits", 1 + r.nextInt(100));
        table.set("ProvisionedThroughput", throughput);
        int sides = r.nextInt(4);
        if (sides > 0) {
          scaling = Json.object();
          if ((sides & 1) != 0) {
            scaling.set("Read", side(r));
          }
          if ((sides & 2) != 0) {
            scaling.set("Write", side(r));
          }
          table.set("AutoScaling", scaling);
        }
      }
      Set<String> nonKey = new LinkedHashSet<>();
      ArrayNode gsis = Json.array();
      int g = r.nextInt(4);
      for (int i = 0; i < g; i++) {
        String gp = "g" + i + "pk_" + NAMES[r.nextInt(NAMES.length)];
        String gs = r.nextBoolean() ? "g" + i + "sk" : null;
        defs.putIfAbsent(gp, TYPES[r.nextInt(3)]);
        if (gs != null) {
          defs.putIfAbsent(gs, TYPES[r.nextInt(3)]);
        }
        ObjectNode ix = gsis.addObject().put("IndexName", "gsi_" + i);
        ArrayNode iks = ix.putArray("KeySchema");
        iks.addObject().put("AttributeName", gp).put("KeyType", "HASH");
        if (gs != null) {
          iks.addObject().put("AttributeName", gs).put("KeyType", "RANGE");
        }
        ix.set("Projection", projection(r, nonKey));
        if (provisioned) {
          ix.set("ProvisionedThroughput", throughput.deepCopy());
          if (scaling != null) {
            ix.set("AutoScaling", scaling.deepCopy());
          }
        }
      }
      if (!gsis.isEmpty()) {
        table.set("GlobalSecondaryIndexes", gsis);
      }
      if (sk != null && r.nextBoolean()) {
        ArrayNode lsis = table.putArray("LocalSecondaryIndexes");
        int l = 1 + r.nextInt(2);
        for (int i = 0; i < l; i++) {
          String ls = "l" + i + "sk";
          defs.putIfAbsent(ls, TYPES[r.nextInt(3)]);
          ObjectNode ix = lsis.addObject().put("IndexName", "lsi_" + i);
          ix.putArray("KeySchema").add(Json.object().put("AttributeName", pk).put("KeyType", "HASH"))
              .add(Json.object().put("AttributeName", ls).put("KeyType", "RANGE"));
          ix.set("Projection", projection(r, nonKey));
        }
      }
      defs.forEach((a, ty) -> ad.addObject().put("AttributeName", a).put("AttributeType", ty));
      int count = r.nextInt(7);
      if (count > 0) {
        ArrayNode list = items.putArray(name);
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
          ObjectNode item = Json.object();
          for (Map.Entry<String, String> d : defs.entrySet()) {
            boolean key = d.getKey().equals(pk) || d.getKey().equals(sk);
            if (key || r.nextInt(3) > 0) {
              item.set(d.getKey(), scalar(r, d.getValue(), i));
            }
          }
          for (String a : nonKey) {
            if (r.nextBoolean()) {
              item.set(a, value(r, 0));
            }
          }
          int extra = r.nextInt(4);
          for (int e = 0; e < extra; e++) {
            item.set("attr_" + NAMES[r.nextInt(NAMES.length)] + e, value(r, 0));
          }
          String k = Json.compact(item.get(pk)) + (sk == null ? "" : Json.compact(item.get(sk)));
          if (keys.add(k)) {
            list.addObject().putObject("PutRequest").set("Item", item);
          }
        }
      }
    }
    return m;
  }

  private static ObjectNode side(Random r) {
    int min = 1 + r.nextInt(20);
    return Json.object().put("MinCapacity", min).put("MaxCapacity", min + r.nextInt(500)).put("TargetUtilization", 20 + r.nextInt(71));
  }

  private static ObjectNode projection(Random r, Set<String> nonKey) {
    return switch (r.nextInt(3)) {
      case 0 -> Json.object().put("ProjectionType", "ALL");
      case 1 -> Json.object().put("ProjectionType", "KEYS_ONLY");
      default -> {
        ObjectNode p = Json.object().put("ProjectionType", "INCLUDE");
        ArrayNode a = p.putArray("NonKeyAttributes");
        int k = 1 + r.nextInt(2);
        for (int i = 0; i < k; i++) {
          String n = "proj_" + NAMES[r.nextInt(NAMES.length)] + i;
          nonKey.add(n);
          a.add(n);
        }
        yield p;
      }
    };
  }

  private static ObjectNode scalar(Random r, String type, int unique) {
    return switch (type) {
      case "S" -> Json.object().put("S", "v" + unique + "#" + NAMES[r.nextInt(NAMES.length)]);
      case "N" -> Json.object().put("N", Integer.toString(unique * 1000 + r.nextInt(1000) - 500));
      default -> Json.object().put("B", Base64.getEncoder().encodeToString(new byte[] {(byte) unique, (byte) r.nextInt(256)}));
    };
  }

  private static ObjectNode value(Random r, int depth) {
    int kind = r.nextInt(depth > 1 ? 7 : 10);
    return switch (kind) {
      case 0 -> Json.object().put("S", "text " + r.nextInt(100) + " ünï \"q\" <b>");
      case 1 -> Json.object().put("N", r.nextBoolean() ? Integer.toString(r.nextInt()) : "0.5");
      case 2 -> Json.object().put("B", Base64.getEncoder().encodeToString(new byte[] {(byte) r.nextInt(256), 0, (byte) 255}));
      case 3 -> Json.object().put("BOOL", r.nextBoolean());
      case 4 -> Json.object().put("NULL", true);
      case 5 -> set(r, "SS");
      case 6 -> set(r, "NS");
      case 7 -> set(r, "BS");
      case 8 -> {
        ObjectNode m = Json.object();
        ObjectNode inner = m.putObject("M");
        int k = r.nextInt(3);
        for (int i = 0; i < k; i++) {
          inner.set("k" + i, value(r, depth + 1));
        }
        yield m;
      }
      default -> {
        ObjectNode l = Json.object();
        ArrayNode a = l.putArray("L");
        int k = r.nextInt(3);
        for (int i = 0; i < k; i++) {
          a.add(value(r, depth + 1));
        }
        yield l;
      }
    };
  }

  private static ObjectNode set(Random r, String type) {
    ObjectNode s = Json.object();
    ArrayNode a = s.putArray(type);
    int k = 1 + r.nextInt(3);
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      String v = switch (type) {
        case "SS" -> "s" + i;
        case "NS" -> Integer.toString(i * 7);
        default -> Base64.getEncoder().encodeToString(new byte[] {(byte) i});
      };
      if (!seen.contains(v)) {
        seen.add(v);
        a.add(v);
      }
    }
    return s;
  }
}
