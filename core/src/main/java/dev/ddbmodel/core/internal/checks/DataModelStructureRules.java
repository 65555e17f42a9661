package dev.ddbmodel.core.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one structural pass: the document against the bundled JSON Schema (networknt), each
 * schema error turned into a finding with its own id ({@code DataModel.Required},
 * {@code DataModel.UnknownProperty}, {@code DataModel.Type}, {@code DataModel.Enum},
 * {@code DataModel.Name}, {@code DataModel.Empty}, {@code DataModel.WriteRequest},
 * {@code DataModel.Range}, {@code DataModel.Structure}) and a hint.
 */
final class DataModelStructureRules {
  /** Classpath location of the JSON Schema. */
  static final String SCHEMA_RESOURCE = "dev/ddbmodel/core/model/dynamodb_data_model.schema.json";

  private static final Holder SCHEMA = new Holder();

  private DataModelStructureRules() {}

  /** The compiled schema and its source tree, loaded once (both immutable after loading). */
  private static final class Holder {
    final Schema schema;
    final JsonNode source;

    Holder() {
      SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
      this.schema = registry.getSchema(SchemaLocation.of("classpath:" + SCHEMA_RESOURCE));
      try (InputStream in = DataModelStructureRules.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
        this.source = Json.parseTrusted(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A root that is not an object: nothing else is checked. */
  static void notAnObject(JsonNode root, Findings c) {
    c.error("DataModel.Structure", "", "the document must be a JSON object, found " + JsonDocument.typeName(root),
        "start the file with {\"tables\": [], \"items\": {}, \"access_patterns\": []}");
  }

  static void check(JsonDocument doc, Findings c) {
    List<Error> errors = SCHEMA.schema.validate(Json.compact(doc.root()), InputFormat.JSON);
    for (Error e : errors) {
      String ptr = e.getInstanceLocation().toString();
      if (ptr.equals("$") || ptr.equals("/")) {
        ptr = "";
      }
      JsonNode value = doc.root().at(ptr);
      String name = ptr.isEmpty() ? "the document" : "`" + last(ptr) + "`";
      switch (e.getKeyword()) {
        case "required" -> {
          String prop = e.getProperty();
          boolean top = ptr.isEmpty();
          c.error("DataModel.Required", ptr, "required property `" + prop + "` is missing"
                  + (ptr.isEmpty() ? "" : " in " + name),
              top ? "add \"" + prop + "\" (it may be empty)" : "add \"" + prop + "\"");
        }
        case "additionalProperties" -> {
          String prop = e.getProperty();
          List<String> allowed = allowedProperties(e);
          String where = Json.pointer(ptr, prop);
          String msg = "unknown property `" + prop + "`";
          if (ptr.matches("/tables/\\d+")) {
            msg += ": it is not a CreateTable parameter";
          }
          c.error("DataModel.UnknownProperty", where, msg, allowed.isEmpty() ? "remove it" : Suggestions.hint(prop, allowed));
        }
        case "type" -> {
          Object[] a = e.getArguments();
          String expected = a != null && a.length > 1 ? String.valueOf(a[1]) : "another type";
          String hint = "";
          if (value.isTextual() && (value.asText().equals("True") || value.asText().equals("False") || value.asText().equals("true") || value.asText().equals("false")) && expected.contains("boolean")) {
            hint = "write a JSON boolean without quotes: true or false";
          } else if (expected.contains("array")) {
            hint = "wrap the value in [ ]";
          } else if (expected.contains("object")) {
            hint = "use a JSON object { }";
          } else if (expected.contains("string")) {
            hint = "put the value in double quotes";
          } else {
            hint = "write " + article(expected) + " value";
          }
          c.error("DataModel.Type", ptr, name + " must be " + article(expected) + ", found " + JsonDocument.typeName(value), hint);
        }
        case "enum" -> {
          List<String> options = enumOptions(e);
          String v = value.isTextual() ? value.asText() : value.toString();
          c.error("DataModel.Enum", ptr, "`" + v + "` is not a valid " + last(ptr), Suggestions.hint(v, options));
        }
        case "pattern" -> c.error("DataModel.Name", ptr, "name `" + value.asText() + "` is not a valid DynamoDB name",
            "use " + DynamoDbLimits.NAME_MIN_LENGTH + " to " + DynamoDbLimits.NAME_MAX_LENGTH + " characters: letters, digits, `_`, `-` and `.`");
        case "minItems" -> c.error("DataModel.Empty", ptr, name + " must not be empty", "add at least one entry");
        case "minLength" -> c.error("DataModel.Empty", ptr, name + " must not be empty", "give a value");
        case "minProperties" -> c.error("DataModel.Empty", ptr, name + " must not be empty",
            ptr.contains("Request") ? "list the item's attributes" : "add a PutRequest or DeleteRequest");
        case "maxProperties" -> c.error("DataModel.WriteRequest", ptr, "a write request holds exactly one of `PutRequest` or `DeleteRequest`",
            "split it into two entries");
        case "minimum" -> c.error("DataModel.Range", ptr, name + " must be at least " + first(e.getArguments()), "use a value of at least " + first(e.getArguments()));
        case "maximum" -> c.error("DataModel.Range", ptr, name + " must be at most " + first(e.getArguments()), "use a value of at most " + first(e.getArguments()));
        case "maxLength" -> c.error("DataModel.Range", ptr, name + " must be at most " + first(e.getArguments()) + " characters long", "shorten it");
        default -> c.error("DataModel.Structure", ptr, (ptr.isEmpty() ? "" : name + ": ") + e.getMessage(),
            "see the format in docs/data-model-format.md");
      }
    }
  }

  private static List<String> allowedProperties(Error e) {
    String loc = e.getSchemaLocation().toString();
    int hash = loc.indexOf('#');
    if (hash < 0) {
      return List.of();
    }
    String frag = loc.substring(hash + 1);
    if (frag.endsWith("/additionalProperties")) {
      frag = frag.substring(0, frag.length() - "/additionalProperties".length());
    }
    JsonNode props = SCHEMA.source.at(frag).path("properties");
    List<String> out = new ArrayList<>();
    props.fieldNames().forEachRemaining(n -> {
      if (!n.startsWith("$")) {
        out.add(n);
      }
    });
    return out;
  }

  private static List<String> enumOptions(Error e) {
    List<String> out = new ArrayList<>();
    JsonNode schemaNode = Json.parseTrusted(e.getSchemaNode().toString());
    schemaNode.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static String first(Object[] a) {
    return a == null || a.length == 0 ? "" : String.valueOf(a[0]);
  }

  private static String article(String type) {
    String t = type.replace("[", "").replace("]", "").replace("\"", "");
    return (t.startsWith("a") || t.startsWith("o") || t.startsWith("i") ? "an " : "a ") + t;
  }

  private static String last(String ptr) {
    int i = ptr.lastIndexOf('/');
    return (i < 0 ? ptr : ptr.substring(i + 1)).replace("~1", "/").replace("~0", "~");
  }
}
