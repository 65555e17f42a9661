package dev.ddbmodel.validation.internal.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium (Debian's {@code chromium} package) driven over the DevTools protocol with
 * the JDK's WebSocket client: navigate, evaluate, click and type as a user does, record network
 * requests, take screenshots. One browser per test class; {@link #close()} ends it and removes its
 * profile. When the browser is missing the test fails with the command that installs it: these
 * tests never skip.
 */
final class Chromium implements AutoCloseable {
  static final String BINARY = System.getProperty("ddbm.chromium", "/usr/bin/chromium");
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();

  private Chromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Starts a fresh headless browser with one page of the given size. */
  static Chromium launch(int width, int height) throws IOException, InterruptedException {
    if (!Files.isExecutable(Path.of(BINARY))) {
      throw new AssertionError("headless Chromium is needed for the model view tests but `" + BINARY + "` is missing:"
          + " install it with `apt-get install -y chromium` (.ci/run does this), or point -Dddbm.chromium at a Chromium binary");
    }
    Path profile = Files.createTempDirectory("ddbm-chromium-");
    Process p = new ProcessBuilder(BINARY, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
        "--mute-audio", "--font-render-hinting=none", "--force-color-profile=srgb", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "about:blank")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String ws = null;
    BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (String line; ws == null && System.nanoTime() < deadline && (line = err.readLine()) != null; ) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        ws = m.group(1);
      }
    }
    if (ws == null) {
      p.destroyForcibly();
      throw new IllegalStateException("Chromium did not open its DevTools port");
    }
    Thread drain = new Thread(() -> {
      try {
        while (err.readLine() != null) {
          // keep the pipe empty so the browser never blocks on stderr
        }
      } catch (IOException e) {
        // the browser ended
      }
    }, "chromium-stderr");
    drain.setDaemon(true);
    drain.start();
    URI browser = URI.create(ws);
    HttpClient http = HttpClient.newHttpClient();
    String page = null;
    for (int i = 0; i < 50 && page == null; i++) {
      HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://" + browser.getAuthority() + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString());
      for (JsonNode t : Json.parseTrusted(list.body())) {
        if (t.path("type").asText().equals("page")) {
          page = t.path("webSocketDebuggerUrl").asText();
        }
      }
      if (page == null) {
        Thread.sleep(100);
      }
    }
    if (page == null) {
      p.destroyForcibly();
      throw new IllegalStateException("Chromium has no page target");
    }
    Chromium[] self = new Chromium[1];
    WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(20)).buildAsync(URI.create(page), new WebSocket.Listener() {
      private final StringBuilder buf = new StringBuilder();

      @Override
      public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
        buf.append(data);
        if (last) {
          String msg = buf.toString();
          buf.setLength(0);
          while (self[0] == null) {
            Thread.onSpinWait();
          }
          self[0].receive(Json.parseTrusted(msg));
        }
        w.request(1);
        return null;
      }
    }).join();
    self[0] = new Chromium(p, profile, socket);
    self[0].call("Page.enable", Json.object());
    self[0].call("Runtime.enable", Json.object());
    self[0].call("Network.enable", Json.object());
    self[0].call("Emulation.setDeviceMetricsOverride", Json.object().put("width", width).put("height", height).put("deviceScaleFactor", 1).put("mobile", false));
    return self[0];
  }

  private void receive(JsonNode msg) {
    if (msg.has("id")) {
      CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
      if (f != null) {
        f.complete(msg);
      }
    } else {
      events.add(msg);
    }
  }

  /** Sends one command and waits for its result; a protocol error fails the test. */
  JsonNode call(String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    ObjectNode msg = Json.object().put("id", id).put("method", method);
    msg.set("params", params);
    socket.sendText(Json.compact(msg), true).join();
    JsonNode r;
    try {
      r = f.get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(method + " did not answer", e);
    }
    if (r.has("error")) {
      throw new IllegalStateException(method + ": " + r.get("error"));
    }
    return r.path("result");
  }

  /** Opens a file and waits until it has loaded. */
  void open(Path file) throws InterruptedException {
    events.clear();
    call("Page.navigate", Json.object().put("url", file.toUri().toString()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (events.stream().noneMatch(e -> e.path("method").asText().equals("Page.loadEventFired"))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the page did not load");
      }
      Thread.sleep(20);
    }
  }

  /** URLs the page requested since it was opened. */
  List<String> requests() {
    List<String> out = new ArrayList<>();
    for (JsonNode e : events) {
      if (e.path("method").asText().equals("Network.requestWillBeSent")) {
        out.add(e.path("params").path("request").path("url").asText());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Console messages and uncaught exceptions since the page was opened. */
  List<String> problems() {
    List<String> out = new ArrayList<>();
    for (JsonNode e : events) {
      String m = e.path("method").asText();
      if (m.equals("Runtime.exceptionThrown")) {
        out.add("exception: " + e.path("params").path("exceptionDetails"));
      } else if (m.equals("Runtime.consoleAPICalled")) {
        out.add("console." + e.path("params").path("type").asText() + ": " + e.path("params").path("args"));
      }
    }
    return out;
  }

  /** Evaluates a JavaScript expression in the page and returns its (JSON) value. */
  JsonNode eval(String expression) {
    JsonNode r = call("Runtime.evaluate", Json.object().put("expression", expression).put("returnByValue", true));
    if (r.has("exceptionDetails")) {
      throw new IllegalStateException("page script failed: " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** Clicks the centre of the first element matching the CSS selector, as a mouse does. */
  void click(String selector) {
    eval("document.querySelector(" + Json.compact(selector) + ").scrollIntoView({block: 'center'})");
    JsonNode r = eval("(() => { const b = document.querySelector(" + Json.compact(selector) + ").getBoundingClientRect();"
        + " return {x: b.left + b.width / 2, y: b.top + b.height / 2}; })()");
    for (String type : List.of("mousePressed", "mouseReleased")) {
      call("Input.dispatchMouseEvent", Json.object().put("type", type).put("x", r.path("x").asDouble()).put("y", r.path("y").asDouble())
          .put("button", "left").put("clickCount", 1));
    }
  }

  /** Presses and releases a key as the keyboard does ({@code Enter}, {@code Tab}, {@code ArrowDown}, {@code Escape}, {@code " "}). */
  void press(String key) {
    int code = switch (key) {
      case "Enter" -> 13;
      case "Tab" -> 9;
      case "Escape" -> 27;
      case " " -> 32;
      case "ArrowDown" -> 40;
      case "ArrowUp" -> 38;
      default -> throw new IllegalArgumentException(key);
    };
    String codeName = key.equals(" ") ? "Space" : key;
    ObjectNode down = Json.object().put("type", "keyDown").put("key", key).put("code", codeName).put("windowsVirtualKeyCode", code)
        .put("nativeVirtualKeyCode", code);
    if (key.equals("Enter")) {
      down.put("text", "\r");
    } else if (key.equals(" ")) {
      down.put("text", " ");
    }
    call("Input.dispatchKeyEvent", down);
    call("Input.dispatchKeyEvent", Json.object().put("type", "keyUp").put("key", key).put("code", codeName).put("windowsVirtualKeyCode", code)
        .put("nativeVirtualKeyCode", code));
  }

  /** Switches the CSS media type ({@code print} or {@code screen}). */
  void media(String type) {
    call("Emulation.setEmulatedMedia", Json.object().put("media", type));
  }

  /** A PNG of the viewport ({@code fullPage}: of the whole page). */
  byte[] screenshot(boolean fullPage) {
    ObjectNode p = Json.object().put("format", "png");
    if (fullPage) {
      p.put("captureBeyondViewport", true);
      JsonNode m = call("Page.getLayoutMetrics", Json.object()).path("cssContentSize");
      p.putObject("clip").put("x", 0).put("y", 0).put("width", m.path("width").asDouble()).put("height", Math.min(m.path("height").asDouble(), 6000))
          .put("scale", 1);
    }
    return Base64.getDecoder().decode(call("Page.captureScreenshot", p).path("data").asText());
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the browser goes anyway
    }
    // the whole tree: the network and GPU helpers outlive the main process for a moment and keep
    // writing into the profile (CI once saw a file vanish under the recursive delete)
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    try {
      for (ProcessHandle h : tree) {
        try {
          h.onExit().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
          h.destroyForcibly();
          h.onExit().get(10, TimeUnit.SECONDS);
        }
      }
      dev.ddbmodel.core.io.AtomicFiles.deleteRecursively(profile);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("Chromium did not exit; its profile " + profile + " is left behind", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
