package dev.ddbmodel.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Loads the bundled guides listed in {@code guides.json}. */
public final class Guides {
  private static final String BASE = "/dev/ddbmodel/core/guide/";
  private static final Pattern ANNOTATION = Pattern.compile("<!--n:[A-Z_]+-->");

  private Guides() {}

  /** Every guide in manifest order. */
  public static List<Guide> all() {
    List<Guide> out = new ArrayList<>();
    for (JsonNode g : manifest().path("guides")) {
      out.add(guide(g));
    }
    return out;
  }

  /** A guide's manifest entry: what a list of guides shows, without reading the guide's text. */
  public record Entry(String id, String title, String version, String description) {}

  /**
   * Every guide's entry in manifest order, reading only the manifest (a server listing its
   * prompts at start-up does not read and clean every guide's text).
   */
  public static List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    for (JsonNode g : manifest().path("guides")) {
      out.add(new Entry(g.path("id").asText(), g.path("title").asText(), g.path("version").asText(), g.path("description").asText()));
    }
    return out;
  }

  /** A guide by id. */
  public static Optional<Guide> load(String id) {
    for (JsonNode g : manifest().path("guides")) {
      if (g.path("id").asText().equals(id)) {
        return Optional.of(guide(g));
      }
    }
    return Optional.empty();
  }

  /** A guide by id; throws for an unknown id (a bug: ids are constants in the callers). */
  public static Guide expect(String id) {
    return load(id).orElseThrow(() -> new IllegalArgumentException("no guide " + id));
  }

  /**
   * One section of a guide: the heading line whose text (without the leading {@code #}s and
   * backticks) equals {@code heading}, ignoring case, and everything up to the next heading of
   * the same or a higher level. A tool returns it when it needs one reference, e.g. {@code
   * section("cost-input", "Reference")}. Empty when the guide or the heading does not exist.
   */
  public static Optional<String> section(String id, String heading) {
    Optional<Guide> g = load(id);
    if (g.isEmpty()) {
      return Optional.empty();
    }
    String[] lines = g.get().text().split("\n", -1);
    boolean fence = false;
    int start = -1;
    int level = 0;
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      if (line.startsWith("```")) {
        fence = !fence;
      }
      int h = fence || line.startsWith("```") ? 0 : headingLevel(line);
      if (start >= 0 && h > 0 && h <= level) {
        break;
      }
      if (start < 0 && h > 0 && headingText(line).equalsIgnoreCase(heading.trim())) {
        start = 1;
        level = h;
      }
      if (start >= 0) {
        out.append(line).append('\n');
      }
    }
    return start < 0 ? Optional.empty() : Optional.of(out.toString().strip() + "\n");
  }

  /** The headings of a guide in order, as {@link #section} matches them. */
  public static List<String> headings(String id) {
    List<String> out = new ArrayList<>();
    boolean fence = false;
    for (String line : expect(id).text().split("\n", -1)) {
      if (line.startsWith("```")) {
        fence = !fence;
        continue;
      }
      if (!fence && headingLevel(line) > 0) {
        out.add(headingText(line));
      }
    }
    return out;
  }

  private static int headingLevel(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == '#') {
      n++;
    }
    return n > 0 && n <= 6 && n < line.length() && line.charAt(n) == ' ' ? n : 0;
  }

  private static String headingText(String line) {
    return line.substring(headingLevel(line)).replace("`", "").strip();
  }

  /** The raw markdown with its number annotations (for tests and editors). */
  public static String raw(String file) {
    return read(BASE + file);
  }

  /** The file name of a guide in the manifest. */
  public static String file(String id) {
    for (JsonNode g : manifest().path("guides")) {
      if (g.path("id").asText().equals(id)) {
        return g.path("file").asText();
      }
    }
    throw new IllegalArgumentException("no guide " + id);
  }

  private static Guide guide(JsonNode g) {
    String text = ANNOTATION.matcher(raw(g.path("file").asText())).replaceAll("");
    return new Guide(g.path("id").asText(), g.path("title").asText(), g.path("version").asText(), g.path("description").asText(), text);
  }

  private static JsonNode manifest() {
    return Json.parseTrusted(read(BASE + "guides.json"));
  }

  private static String read(String path) {
    try (InputStream in = Guides.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
