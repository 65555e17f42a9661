package dev.ddbmodel.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Seeded, deterministic mutations of a JSON document for pin tests: each mutant applies one to
 * three edits at random places: delete a member or element, replace a value by one of another
 * type, copy a string of the same property name from elsewhere (duplicate names), duplicate an
 * array element, rename a property, or bend a string or number (empty, long, brace, sign). The
 * same seed gives the same mutants on every machine.
 */
public final class JsonMutations {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonMutations() {}

  /** One place in a tree: the container and the member name or element index. */
  private record Slot(JsonNode parent, String key, int index) {
    JsonNode get() {
      return key != null ? parent.get(key) : parent.get(index);
    }

    void set(JsonNode v) {
      if (key != null) {
        ((ObjectNode) parent).set(key, v);
      } else {
        ((ArrayNode) parent).set(index, v);
      }
    }
  }

  /** {@code count} mutants of {@code original} (never modified), as pretty-printed JSON text. */
  public static List<String> mutants(JsonNode original, long seed, int count) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonNode copy = original.deepCopy();
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        copy = mutate(copy, random);
      }
      out.add(Json.pretty(copy));
    }
    return out;
  }

  private static JsonNode mutate(JsonNode root, Random random) {
    List<Slot> slots = new ArrayList<>();
    collect(root, slots);
    if (slots.isEmpty()) {
      return root;
    }
    Slot s = slots.get(random.nextInt(slots.size()));
    JsonNode v = s.get();
    switch (random.nextInt(7)) {
      case 0 -> {
        if (s.key() != null) {
          ((ObjectNode) s.parent()).remove(s.key());
        } else {
          ((ArrayNode) s.parent()).remove(s.index());
        }
      }
      case 1 -> s.set(otherType(v, random));
      case 2 -> {
        List<JsonNode> same = new ArrayList<>();
        for (Slot o : slots) {
          if (o != s && o.get().isTextual() && (s.key() == null ? o.key() == null : s.key().equals(o.key()))) {
            same.add(o.get());
          }
        }
        if (!same.isEmpty()) {
          s.set(same.get(random.nextInt(same.size())).deepCopy());
        } else {
          s.set(otherType(v, random));
        }
      }
      case 3 -> {
        if (s.key() == null) {
          ((ArrayNode) s.parent()).insert(s.index(), v.deepCopy());
        } else if (v.isArray() && !v.isEmpty()) {
          ((ArrayNode) v).add(v.get(random.nextInt(v.size())).deepCopy());
        } else {
          s.set(otherType(v, random));
        }
      }
      case 4 -> {
        if (s.key() != null) {
          ObjectNode p = (ObjectNode) s.parent();
          String renamed = s.key().length() > 1 && random.nextBoolean() ? s.key().substring(0, s.key().length() - 1) : s.key() + "x";
          p.remove(s.key());
          p.set(renamed, v);
        } else {
          s.set(otherType(v, random));
        }
      }
      case 5 -> {
        if (v.isTextual()) {
          String t = v.asText();
          String[] options = {"", t + "{", "{" + t, t.repeat(1 + 3000 / Math.max(1, t.length())), t.toUpperCase(java.util.Locale.ROOT),
              t.isEmpty() ? "?" : t.substring(1), "  ", t + "#{x}"};
          s.set(F.textNode(options[random.nextInt(options.length)]));
        } else if (v.isNumber()) {
          long[] options = {0, -1, 1, 3, 21, 40001, Long.MAX_VALUE};
          s.set(F.numberNode(options[random.nextInt(options.length)]));
        } else {
          s.set(otherType(v, random));
        }
      }
      default -> {
        if (v.isObject() && v.size() > 0) {
          // replace a container by one of its own members: a structure shift by one level
          List<String> names = new ArrayList<>();
          v.fieldNames().forEachRemaining(names::add);
          s.set(v.get(names.get(random.nextInt(names.size()))).deepCopy());
        } else {
          s.set(otherType(v, random));
        }
      }
    }
    return root;
  }

  private static JsonNode otherType(JsonNode v, Random random) {
    List<JsonNode> options = new ArrayList<>(List.of(F.textNode("x"), F.numberNode(7), F.booleanNode(true), F.nullNode(), F.objectNode(),
        F.arrayNode(), F.textNode("True"), F.numberNode(-1), F.textNode("S")));
    options.removeIf(o -> o.getNodeType() == v.getNodeType() && !o.equals(F.textNode("S")));
    return options.get(random.nextInt(options.size())).deepCopy();
  }

  private static void collect(JsonNode n, List<Slot> out) {
    if (n.isObject()) {
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      for (String k : names) {
        out.add(new Slot(n, k, -1));
        collect(n.get(k), out);
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.add(new Slot(n, null, i));
        collect(n.get(i), out);
      }
    }
  }

  /** The repository root (the folder whose pom.xml lists the core module), from the working directory up. */
  public static Path repositoryRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path pom = p.resolve("pom.xml");
      try {
        if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>core</module>")) {
          return p;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      p = p.getParent();
    }
    throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
  }

  /** The regular files named {@code fileName} (or, when {@code fileName} is null, all {@code .json} files) under {@code dir}, sorted. */
  public static List<Path> files(Path dir, String fileName) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> fileName == null ? p.getFileName().toString().endsWith(".json") : p.getFileName().toString().equals(fileName))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
