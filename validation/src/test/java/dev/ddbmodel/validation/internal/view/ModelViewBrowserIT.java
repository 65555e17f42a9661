package dev.ddbmodel.validation.internal.view;

import dev.ddbmodel.validation.ModelView;
import dev.ddbmodel.validation.ViewRequest;
import dev.ddbmodel.validation.ViewResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.CostCalculator;
import dev.ddbmodel.core.CostReport;
import dev.ddbmodel.core.CostReportWriter;
import dev.ddbmodel.core.CostRequest;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.core.TableSpec;
import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationReport;
import dev.ddbmodel.validation.ModelValidationRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model view in a real browser: the four bundled examples, validated on DynamoDB Local first
 * (ecommerce also priced), opened from disk in headless Chromium. Checks the DOM (every item and
 * pattern, highlighting by mouse and keyboard, print layout), that nothing is fetched, that
 * hostile model content stays text, and the rendering against the README screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelViewBrowserIT {
  static final Path EXAMPLES = Path.of("../examples/models");
  static final Path SCREENSHOTS = Path.of("../docs/images");
  static final List<String> NAMES = List.of("ecommerce", "social", "saas-multitenant", "iot-telemetry");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

  Path tmp;
  Chromium browser;
  final Map<String, Path> pages = new LinkedHashMap<>();
  final Map<String, Path> workspaces = new LinkedHashMap<>();

  @BeforeAll
  void setUp() throws Exception {
    tmp = Files.createTempDirectory("ddbm-view-it-");
    browser = Chromium.launch(1366, 900);
    try (dev.ddbmodel.validation.LocalDynamoDb local = dev.ddbmodel.validation.LocalDynamoDb.server()) {
      for (String n : NAMES) {
        prepare(n, local.endpoint().orElseThrow());
      }
    }
  }

  private void prepare(String n, java.net.URI endpoint) throws Exception {
    Path ws = Files.createDirectories(tmp.resolve(n));
    for (String f : List.of("dynamodb_data_model.json", "schema.json", "dynamodb_data_model.md")) {
      Files.copy(EXAMPLES.resolve(n).resolve(f), ws.resolve(f));
    }
    Validated<ModelValidationReport> v = ModelValidation.run(new ModelValidationRequest(ws, Optional.of(endpoint), true, false, true, CLOCK));
    assertThat(v.errors()).as(n).isEmpty();
    Path costInput = EXAMPLES.resolve(n).resolve("cost_input.json");
    if (Files.exists(costInput)) {
      DataModel m = DataModelLoader.load(ws.resolve("dynamodb_data_model.json")).unwrap();
      JsonDocument d = JsonDocument.read(costInput, "cost_input.json").unwrap();
      CostReport report = CostRequest.fromJson(d.root(), d.file())
          .map(r -> r.with(dev.ddbmodel.core.PriceTable.find("us-east-1", "STANDARD").orElseThrow(), false, Optional.of(m)))
          .flatMap(CostCalculator::compute).unwrap();
      CostReportWriter.writeInto(ws.resolve("dynamodb_data_model.md"), report.toMarkdown());
    }
    Validated<ViewResult> r = ModelView.run(new ViewRequest(ws, Optional.empty(), false));
    assertThat(r.errors()).as(n).isEmpty();
    workspaces.put(n, ws);
    pages.put(n, r.unwrap().file());
  }

  @AfterAll
  void tearDown() throws IOException {
    if (browser != null) {
      browser.close();
    }
    dev.ddbmodel.core.io.AtomicFiles.deleteRecursively(tmp);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ecommerce", "social", "saas-multitenant", "iot-telemetry"})
  void everyItemAndPatternIsOnThePageAndNothingIsFetched(String name) throws Exception {
    browser.open(pages.get(name));
    assertThat(browser.requests()).containsExactly(pages.get(name).toUri().toString());
    assertThat(browser.problems()).isEmpty();
    DataModel m = DataModelLoader.load(workspaces.get(name).resolve("dynamodb_data_model.json")).unwrap();
    int items = 0;
    for (TableSpec t : m.tables()) {
      items += distinctKeys(m, t);
    }
    // each sample item once in its base table view (and again in every index it belongs to)
    assertThat(browser.eval("new Set([...document.querySelectorAll('section.view:not(.index) tr[data-item]')].map(r => r.dataset.item)).size").asInt())
        .isEqualTo(items);
    assertThat(browser.eval("document.querySelectorAll('section.view:not(.index) tr[data-item]').length").asInt()).isEqualTo(items);
    List<String> ids = m.accessPatterns().stream().map(a -> a.pattern()).toList();
    JsonNode shown = browser.eval("[...document.querySelectorAll('button.pat .pid')].map(e => e.textContent)");
    assertThat(iterate(shown)).containsExactlyElementsOf(ids);
    assertThat(browser.eval("document.querySelectorAll('section.view').length").asInt())
        .isEqualTo(m.tables().stream().mapToInt(t -> 1 + t.indexes().size()).sum());
    // every pattern's verdict from the last validation run is shown
    assertThat(browser.eval("document.querySelectorAll('button.pat .badge[class*=\"v-\"]').length").asInt()).isEqualTo(ids.size());
    assertThat(browser.eval("document.scripts.length").asInt()).isEqualTo(1);
  }

  @Test
  void clickingAPatternHighlightsWhatItReadsAndWritesAndShowsItsDetails() throws Exception {
    browser.open(pages.get("ecommerce"));
    // pattern 3: a customer's orders, newest first (Query on the base table)
    String b = button("3");
    browser.click(b);
    assertThat(browser.eval("document.querySelector('" + b + "').getAttribute('aria-expanded')").asText()).isEqualTo("true");
    // the three orders, in the base table and again in the index they are projected into
    JsonNode hl = browser.eval("[...document.querySelectorAll('section.view:not(.index) tr[data-hl]')].map(r => [r.dataset.hl, r.querySelector('td.sk').textContent])");
    assertThat(browser.eval("new Set([...document.querySelectorAll('tr[data-hl]')].map(r => r.dataset.item)).size").asInt()).isEqualTo(3);
    assertThat(hl.size()).isEqualTo(3);
    for (JsonNode row : hl) {
      assertThat(row.get(0).asText()).isEqualTo("read");
      assertThat(row.get(1).asText()).startsWith("ORDER#");
    }
    String detail = browser.eval("document.getElementById(document.querySelector('" + b + "').getAttribute('aria-controls')).innerText").asText();
    assertThat(detail).contains("aws dynamodb query").contains("Consumed capacity").contains("RCU").contains("success").contains("$");
    assertThat(browser.eval("document.getElementById('status').textContent").asText()).isEqualTo("Pattern 3: 3 item(s) read, 0 written");
    // a write: pattern 6 updates one order
    String w = button("6");
    browser.click(w);
    assertThat(browser.eval("document.querySelector('" + b + "').getAttribute('aria-expanded')").asText()).isEqualTo("false");
    assertThat(browser.eval("[...document.querySelectorAll('section.view:not(.index) tr[data-hl]')].map(r => r.dataset.hl)")).isEqualTo(Json.parseTrusted("[\"write\"]"));
    // the same pattern again clears the selection
    browser.click(w);
    assertThat(browser.eval("document.querySelectorAll('tr[data-hl]').length").asInt()).isZero();
  }

  @Test
  void theKeyboardAloneSelectsMovesAndClears() throws Exception {
    browser.open(pages.get("social"));
    browser.press("Tab");
    assertThat(browser.eval("document.activeElement.className").asText()).isEqualTo("skip");
    browser.press("Tab");
    assertThat(browser.eval("document.activeElement.id").asText()).isEqualTo("b-p0");
    browser.press("ArrowDown");
    assertThat(browser.eval("document.activeElement.id").asText()).isEqualTo("b-p1");
    browser.press("Enter");
    assertThat(browser.eval("document.activeElement.getAttribute('aria-expanded')").asText()).isEqualTo("true");
    int highlighted = browser.eval("document.querySelectorAll('tr[data-hl]').length").asInt();
    String wanted = browser.eval("document.activeElement.dataset.reads + ' ' + document.activeElement.dataset.writes").asText().trim();
    assertThat(highlighted).isGreaterThan(0).isGreaterThanOrEqualTo(wanted.split("\\s+").length);
    browser.press("Escape");
    assertThat(browser.eval("document.querySelectorAll('tr[data-hl]').length").asInt()).isZero();
    assertThat(browser.eval("document.activeElement.id").asText()).isEqualTo("b-p1");
    browser.press(" ");
    assertThat(browser.eval("document.activeElement.getAttribute('aria-expanded')").asText()).isEqualTo("true");
    browser.press("Escape");
  }

  @Test
  void highlightedItemsAreWhatDynamoDbLocalReturned() throws Exception {
    // the static evaluation of each Query/GetItem against the sample items agrees with the real run
    for (String name : NAMES) {
      Path ws = workspaces.get(name);
      DataModel m = DataModelLoader.load(ws.resolve("dynamodb_data_model.json")).unwrap();
      JsonNode report = Json.parseTrusted(Files.readString(ws.resolve(ModelValidationReport.JSON_FILE)));
      ViewData d = new ViewData(m, Optional.of(Json.parseTrusted(Files.readString(ws.resolve("schema.json")))), Optional.of(report),
          Optional.empty(), List.of());
      int checked = 0;
      for (ViewData.Pattern p : d.patterns) {
        String op = p.spec().operation().orElse("");
        String cmd = p.spec().implementation().orElse("");
        JsonNode data = p.report().map(r -> r.path("response").path("data")).orElse(Json.object());
        if (!(op.equals("Query") || op.equals("GetItem")) || cmd.contains("--filter-expression") || cmd.contains("--limit")
            || cmd.contains("--max-items") || cmd.contains("--projection-expression") || cmd.contains("--select")) {
          continue;
        }
        TableSpec t = m.findTable(p.spec().table().orElseThrow()).orElseThrow();
        Set<String> returned = new HashSet<>();
        for (JsonNode i : data.has("Items") ? data.get("Items") : data.has("Item") ? List.of(data.get("Item")) : List.<JsonNode>of()) {
          returned.add(ViewData.key(t, i));
        }
        Set<String> highlighted = new HashSet<>();
        for (ViewData.Item i : d.items) {
          if (p.reads().contains(i.id())) {
            highlighted.add(ViewData.key(t, i.attributes()));
          }
        }
        assertThat(highlighted).as(name + " pattern " + p.spec().pattern()).containsAll(returned.stream().filter(k -> sampleKey(d, t, k)).toList());
        checked++;
      }
      assertThat(checked).as(name).isGreaterThan(1);
    }
  }

  @Test
  void printShowsEveryPatternsDetails() throws Exception {
    browser.open(pages.get("saas-multitenant"));
    browser.media("print");
    try {
      assertThat(browser.eval("[...document.querySelectorAll('.detail')].every(e => getComputedStyle(e).display !== 'none')").asBoolean()).isTrue();
      assertThat(browser.eval("getComputedStyle(document.querySelector('nav.patterns')).position").asText()).isEqualTo("static");
    } finally {
      browser.media("screen");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"ecommerce", "social", "saas-multitenant", "iot-telemetry"})
  void theRenderingMatchesTheReadmeScreenshot(String name) throws Exception {
    browser.open(pages.get(name));
    browser.eval("window.scrollTo(0, 0)");
    if (name.equals("ecommerce")) {
      browser.click(button("3"));
      browser.eval("window.scrollTo(0, 0); document.querySelector('nav.patterns').scrollTop = 0");
    }
    byte[] png = browser.screenshot(false);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(img.getWidth()).isEqualTo(1366);
    assertThat(img.getHeight()).isEqualTo(900);
    // a real render: many colours, and plenty of ink on the white page
    Set<Integer> colours = new HashSet<>();
    long ink = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y) & 0xffffff;
        colours.add(rgb);
        ink += rgb == 0xffffff ? 0 : 1;
      }
    }
    assertThat(colours.size()).isGreaterThan(200);
    assertThat(ink).isGreaterThan((long) img.getWidth() * img.getHeight() / 4 / 5);
    Path golden = SCREENSHOTS.resolve("view-" + name + ".png");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(SCREENSHOTS);
      Files.write(golden, png);
      return;
    }
    assertThat(golden).as("stored screenshot (write it with -Dgolden.update=true)").exists();
    BufferedImage want = ImageIO.read(golden.toFile());
    assertThat(want.getWidth()).isEqualTo(img.getWidth());
    assertThat(want.getHeight()).isEqualTo(img.getHeight());
    double diff = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int a = img.getRGB(x, y);
        int b = want.getRGB(x, y);
        for (int s = 0; s < 24; s += 8) {
          diff += Math.abs(((a >> s) & 0xff) - ((b >> s) & 0xff));
        }
      }
    }
    double mean = diff / (3.0 * 255 * img.getWidth() * img.getHeight());
    // fonts and anti-aliasing may differ a little between machines; a layout change differs a lot
    assertThat(mean).as("mean pixel difference to %s", golden).isLessThan(0.03);
  }

  @Test
  void hostileModelContentStaysText(@TempDir Path ws) throws Exception {
    List<String> attacks = dev.ddbmodel.core.testing.StringAttacks.all().stream().map(a -> a.value()).filter(v -> v.length() < 5000).toList();
    StringBuilder items = new StringBuilder();
    StringBuilder patterns = new StringBuilder();
    for (int i = 0; i < attacks.size(); i++) {
      String a = Json.compact(attacks.get(i));
      String attrName = attacks.get(i).isEmpty() ? "\"e\"" : Json.compact("x" + attacks.get(i));
      items.append(i == 0 ? "" : ",").append("{\"PutRequest\": {\"Item\": {\"pk\": {\"S\": \"K" + i + "#x\"")
          .append("}, \"sk\": {\"S\": ").append(Json.compact("s" + attacks.get(i))).append("}, ").append(attrName).append(": {\"S\": ").append(a)
          .append("}, \"m\": {\"M\": {").append(attrName).append(": {\"L\": [{\"S\": ").append(a).append("}]}}}}}}");
      patterns.append(i == 0 ? "" : ",").append("{\"pattern\": ").append(Json.compact("p" + i + attacks.get(i))).append(", \"description\": ").append(a)
          .append(", \"table\": \"Evil\", \"dynamodb_operation\": \"Query\", \"implementation\": ")
          .append(Json.compact("aws dynamodb query --table-name Evil --key-condition-expression 'pk = :p' --expression-attribute-values '{\":p\": {\"S\": \"K"
              + i + "#x\"}}'")).append("}");
    }
    Files.writeString(ws.resolve("dynamodb_data_model.json"), "{\"tables\": [{\"TableName\": \"Evil\", \"AttributeDefinitions\": [{\"AttributeName\": \"pk\","
        + " \"AttributeType\": \"S\"}, {\"AttributeName\": \"sk\", \"AttributeType\": \"S\"}], \"KeySchema\": [{\"AttributeName\": \"pk\", \"KeyType\": \"HASH\"},"
        + " {\"AttributeName\": \"sk\", \"KeyType\": \"RANGE\"}]}], \"items\": {\"Evil\": [" + items + "]}, \"access_patterns\": [" + patterns + "]}");
    StringBuilder entities = new StringBuilder();
    for (int i = 0; i < attacks.size(); i++) {
      entities.append(i == 0 ? "" : ",").append(Json.compact("E" + i + attacks.get(i))).append(": {\"entity_type\": \"T\", \"pk_template\": \"K")
          .append(i).append("#{id}\", \"sk_template\": \"{s}\", \"fields\": [{\"name\": \"id\", \"type\": \"string\", \"required\": true},"
              + " {\"name\": \"s\", \"type\": \"string\", \"required\": true}]}");
    }
    Files.writeString(ws.resolve("schema.json"), "{\"tables\": [{\"table_config\": {\"table_name\": \"Evil\", \"partition_key\": \"pk\", \"sort_key\": \"sk\"},"
        + " \"entities\": {" + entities + "}}]}");
    Validated<ViewResult> r = ModelView.run(new ViewRequest(ws, Optional.empty(), false));
    assertThat(r.errors()).isEmpty();
    events(() -> browser.open(r.unwrap().file()));
    assertThat(browser.problems()).isEmpty();
    assertThat(browser.eval("document.scripts.length").asInt()).isEqualTo(1);
    assertThat(browser.eval("document.querySelectorAll('img, iframe, object, embed, svg, a[href^=\"javascript\"]').length").asInt()).isZero();
    assertThat(browser.eval("[...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length").asInt()).isZero();
    assertThat(browser.requests()).containsExactly(r.unwrap().file().toUri().toString());
    String text = browser.eval("document.body.textContent").asText();
    for (String a : attacks) {
      String visible = a.chars().allMatch(c -> c >= 0x20 && c != 0x7f || c == '\n' || c == '\t') ? a : null;
      if (visible != null && !visible.isBlank() && visible.length() < 50) {
        assertThat(text).as("shown as text: %s", a).contains(visible);
      }
    }
    // every pattern (hostile ids and all) can be selected and highlights its one item
    assertThat(browser.eval("[...document.querySelectorAll('button.pat')].every(b => b.dataset.reads.split(' ').length === 1)").asBoolean()).isTrue();
    browser.click("#b-p" + (attacks.size() - 1));
    assertThat(browser.eval("document.querySelectorAll('tr[data-hl]').length").asInt()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- helpers

  interface Action {
    void run() throws Exception;
  }

  private void events(Action a) throws Exception {
    a.run();
    assertThat(browser.problems()).isEmpty();
  }

  private static boolean sampleKey(ViewData d, TableSpec t, String key) {
    return d.items.stream().anyMatch(i -> i.table() == t && ViewData.key(t, i.attributes()).equals(key));
  }

  private static int distinctKeys(DataModel m, TableSpec t) {
    Set<String> keys = new HashSet<>();
    m.itemsOf(t.name()).forEach(w -> {
      if (w.kind() == dev.ddbmodel.core.ItemWrite.Kind.PUT) {
        keys.add(ViewData.key(t, w.attributes()));
      } else {
        keys.remove(ViewData.key(t, w.attributes()));
      }
    });
    return keys.size();
  }

  private String button(String patternId) {
    int i = browser.eval("[...document.querySelectorAll('button.pat .pid')].findIndex(e => e.textContent === " + Json.compact(patternId) + ")").asInt();
    assertThat(i).as("pattern %s listed", patternId).isGreaterThanOrEqualTo(0);
    return "#b-p" + i;
  }

  private static List<String> iterate(JsonNode a) {
    List<String> out = new java.util.ArrayList<>();
    a.forEach(x -> out.add(x.asText()));
    return out;
  }
}
