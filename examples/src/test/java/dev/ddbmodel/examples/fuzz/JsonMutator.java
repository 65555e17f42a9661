package dev.ddbmodel.examples.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Mutates valid JSON documents the way people and language models break them: structural edits
 * on the tree (drop, retype, duplicate, rename with a typo, empty containers, wrong literals) and
 * text edits on the serialized form (truncation, stray characters, deleted quotes).
 */
final class JsonMutator {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final Random random;

  JsonMutator(long seed) {
    this.random = new Random(seed);
  }

  /** One to four mutations applied to a copy of {@code seed}; returns JSON text. */
  String mutate(JsonNode seed) {
    JsonNode copy = seed.deepCopy();
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      copy = structural(copy);
    }
    String text = Json.pretty(copy);
    return random.nextInt(5) == 0 ? textual(text) : text;
  }

  private JsonNode structural(JsonNode root) {
    List<JsonNode> containers = new ArrayList<>();
    collect(root, containers);
    if (containers.isEmpty()) {
      return root;
    }
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target instanceof ObjectNode o && o.size() > 0) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(6)) {
        case 0 -> o.remove(name);
        case 1 -> o.set(name, randomValue());
        case 2 -> {
          JsonNode v = o.remove(name);
          o.set(typo(name), v);
        }
        case 3 -> o.set(name, o.get(name).isContainerNode() ? emptyLike(o.get(name)) : F.textNode("True"));
        case 4 -> o.set("unexpected_" + random.nextInt(100), randomValue());
        default -> o.set(name, F.textNode(o.get(name).toString()));
      }
    } else if (target instanceof ArrayNode a && a.size() > 0) {
      int i = random.nextInt(a.size());
      switch (random.nextInt(4)) {
        case 0 -> a.remove(i);
        case 1 -> a.add(a.get(i).deepCopy());
        case 2 -> a.set(i, randomValue());
        default -> a.insert(0, F.nullNode());
      }
    } else if (root.isObject() && random.nextBoolean()) {
      return randomValue();
    }
    return root;
  }

  private void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      n.forEach(c -> collect(c, out));
    }
  }

  private JsonNode emptyLike(JsonNode n) {
    return n.isArray() ? F.arrayNode() : F.objectNode();
  }

  private JsonNode randomValue() {
    return switch (random.nextInt(9)) {
      case 0 -> F.nullNode();
      case 1 -> F.booleanNode(random.nextBoolean());
      case 2 -> F.numberNode(random.nextInt(2000) - 1000);
      case 3 -> F.numberNode(random.nextDouble() * 1e6);
      case 4 -> F.textNode("");
      case 5 -> F.textNode("x".repeat(random.nextInt(300)));
      case 6 -> F.arrayNode().add(random.nextInt(10)).add("a");
      case 7 -> F.objectNode().put("S", "v");
      default -> F.textNode("../../etc/passwd; rm -rf / `id` $(whoami) \u0000\u202e");
    };
  }

  private String typo(String name) {
    if (name.length() < 2) {
      return name + "_";
    }
    int i = random.nextInt(name.length() - 1);
    return name.substring(0, i) + name.charAt(i + 1) + name.charAt(i) + name.substring(i + 2);
  }

  private String textual(String text) {
    int pos = random.nextInt(Math.max(1, text.length()));
    return switch (random.nextInt(5)) {
      case 0 -> text.substring(0, pos);
      case 1 -> text.substring(0, pos) + ",}" + text.substring(pos);
      case 2 -> text.replaceFirst("\"", "");
      case 3 -> text.replace("true", "True");
      default -> "\uFEFF" + text + "\n{}";
    };
  }
}
