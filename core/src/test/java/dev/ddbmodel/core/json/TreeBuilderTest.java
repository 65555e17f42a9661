package dev.ddbmodel.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link TreeBuilder} builds the same tree as the {@code ObjectMapper} it replaces on the fast
 * path (same node classes, same numbers with the same scale), over every JSON file of the project
 * and over seeded generated documents heavy in number edge cases.
 */
class TreeBuilderTest {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(FACTORY).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @Test
  void sameTreeAsTheMapperForEveryJsonFileOfTheProject() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/") && !p.toString().contains("/.git/"))
          .toList();
    }
    int compared = 0;
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      JsonNode expected;
      try {
        expected = MAPPER.readTree(text);
      } catch (IOException e) {
        continue; // deliberately broken fixtures: the strict path reports those
      }
      if (expected == null) {
        continue;
      }
      JsonNode actual;
      try (JsonParser p = FACTORY.createParser(text)) {
        actual = TreeBuilder.read(p);
      } catch (TreeBuilder.DuplicateKey e) {
        continue; // the mapper keeps the last value; the document falls back to the strict parser
      }
      assertSame(f.toString(), "", expected, actual);
      compared++;
    }
    assertThat(compared).as("JSON files compared").isGreaterThan(100);
  }

  @Test
  void sameTreeForSeededDocumentsWithNumberEdgeCases() throws IOException {
    Random r = new Random(22);
    for (int i = 0; i < 3000; i++) {
      String text = value(r, 0);
      JsonNode expected = MAPPER.readTree(text);
      JsonNode actual;
      try (JsonParser p = FACTORY.createParser(text)) {
        actual = TreeBuilder.read(p);
      } catch (TreeBuilder.DuplicateKey e) {
        continue;
      }
      assertSame("seed 22 #" + i + ": " + text, "", expected, actual);
    }
  }

  @Test
  void aDuplicateKeyIsReportedNotOverwritten() throws IOException {
    try (JsonParser p = FACTORY.createParser("{\"a\": {\"b\": 1, \"b\": 2}}")) {
      assertThatThrownBy(() -> TreeBuilder.read(p)).isInstanceOf(TreeBuilder.DuplicateKey.class);
    }
  }

  @Test
  void jsonDocumentStillReportsDuplicatesAndSyntaxWithPositions() {
    var dup = JsonDocument.parse("f.json", "{\n  \"a\": 1,\n  \"a\": 2\n}");
    assertThat(dup.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("Json.DuplicateKey");
      assertThat(d.location().line()).isEqualTo(3);
    });
    assertThat(JsonDocument.parse("f.json", "{\"a\": [1, 2,]}").diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.id()).isEqualTo("Json.Syntax"));
  }

  private static final String[] NUMBERS = {
    "0", "-0", "0.0", "-0.0", "0.000", "1", "-1", "1.0", "1.10", "1.5e3", "1E-5", "1e+2", "-2.50E-3", "100", "1e2", "12.3400",
    "2147483647", "2147483648", "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
    "-9223372036854775809", "123456789012345678901234567890", "0.1", "3.141592653589793238462643383279", "1e400", "4.9e-324",
    "99999999999999999999999999999999999999", "-0.00000000000000000000000000000000000001", "10.0E+10", "5E0"
  };

  private static String value(Random r, int depth) {
    int k = depth > 3 ? r.nextInt(4) : r.nextInt(7);
    switch (k) {
      case 0:
        return NUMBERS[r.nextInt(NUMBERS.length)];
      case 1:
        return r.nextBoolean() ? "true" : r.nextBoolean() ? "false" : "null";
      case 2:
        return "\"" + List.of("", "a", "é", "\\u0000", "\\\"q\\\"", "😀", "line\\nbreak").get(r.nextInt(7)) + "\"";
      case 3:
        return Long.toString(r.nextLong());
      case 4:
      case 5: {
        List<String> parts = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          parts.add("\"k" + r.nextInt(6) + "\": " + value(r, depth + 1));
        }
        return "{" + String.join(", ", parts) + "}";
      }
      default: {
        List<String> parts = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
          parts.add(value(r, depth + 1));
        }
        return "[" + String.join(",", parts) + "]";
      }
    }
  }

  /** Equal values and the same node class at every position (JsonNode.equals alone lets some pass). */
  private static void assertSame(String what, String at, JsonNode expected, JsonNode actual) {
    assertThat(actual).as("%s at %s", what, at).isNotNull();
    assertThat(actual.getClass()).as("%s: node class at `%s`", what, at).isEqualTo(expected.getClass());
    if (expected.isNumber()) {
      assertThat(actual.numberValue()).as("%s: number at `%s`", what, at).isEqualTo(expected.numberValue());
      assertThat(actual.toString()).as("%s: number text at `%s`", what, at).isEqualTo(expected.toString());
    }
    assertThat(actual.size()).as("%s: size at `%s`", what, at).isEqualTo(expected.size());
    if (expected.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> e = expected.properties().iterator();
      Iterator<Map.Entry<String, JsonNode>> a = actual.properties().iterator();
      while (e.hasNext()) {
        var x = e.next();
        var y = a.next();
        assertThat(y.getKey()).as("%s: key order at `%s`", what, at).isEqualTo(x.getKey());
        assertSame(what, at + "/" + x.getKey(), x.getValue(), y.getValue());
      }
    } else if (expected.isArray()) {
      for (int i = 0; i < expected.size(); i++) {
        assertSame(what, String.format(Locale.ROOT, "%s/%d", at, i), expected.get(i), actual.get(i));
      }
    }
    assertThat(actual).as("%s at `%s`", what, at).isEqualTo(expected);
  }
}
