package dev.ddbmodel.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.testing.StringAttacks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stdio server against hostile input lines: every line gets a JSON-RPC error or is ignored,
 * the next ordinary request is answered, and end of input still stops the server.
 */
class StdioRobustnessTest {
  static final String INIT =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
          + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n";

  /** A running stdio server fed through a pipe. */
  static final class Session implements AutoCloseable {
    final PipedOutputStream feed = new PipedOutputStream();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final Thread thread;

    Session() throws IOException {
      PipedInputStream in = new PipedInputStream(feed, 1 << 20);
      thread = new Thread(() -> {
        try {
          McpServerMain.runStdio(McpFrameworkTest.server(false), in, out);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "stdio-session");
      thread.setDaemon(true);
      thread.start();
    }

    void send(String lines) throws IOException {
      feed.write(lines.getBytes(StandardCharsets.UTF_8));
      feed.flush();
    }

    /** Waits for the answer with this id; null when none came. */
    JsonNode awaitId(int id) throws Exception {
      long deadline = System.nanoTime() + 60_000_000_000L; // generous: the build machine is shared
      while (System.nanoTime() < deadline) {
        for (JsonNode n : lines()) {
          if (n.path("id").isInt() && n.path("id").asInt() == id) {
            return n;
          }
        }
        Thread.sleep(20);
      }
      return null;
    }

    List<JsonNode> lines() throws IOException {
      List<JsonNode> all = new ArrayList<>();
      String s;
      synchronized (out) {
        s = out.toString(StandardCharsets.UTF_8);
      }
      int end = s.lastIndexOf('\n');
      if (end < 0) {
        return all;
      }
      for (String l : s.substring(0, end).split("\n")) {
        all.add(Json.mapper().readTree(l));
      }
      return all;
    }

    @Override
    public void close() throws Exception {
      feed.close();
      thread.join(10_000);
    }
  }

  @Test
  void nullIdIsAnsweredAndTheServerKeepsServingAndStillExitsOnEof() throws Exception {
    try (Session s = new Session()) {
      s.send(INIT);
      assertThat(s.awaitId(1)).isNotNull();
      s.send("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}\n");
      s.send("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"x\"}}}\n");
      s.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"after\"}}}\n");
      JsonNode answer = s.awaitId(2);
      assertThat(answer).as("answer after the null-id request; output: %s", s.out).isNotNull();
      assertThat(answer.path("result").path("content").get(0).path("text").asText()).isEqualTo("after");
      assertThat(s.lines()).filteredOn(n -> n.path("id").isNull() && n.path("error").path("code").asInt() == -32600).hasSize(2);
      s.feed.close();
      s.thread.join(10_000);
      assertThat(s.thread.isAlive()).as("server stops at end of input").isFalse();
    }
  }

  /** Structurally odd messages (all valid JSON) and every catalogue string in every slot. */
  static List<String> hostileLines() {
    List<String> lines = new ArrayList<>(List.of(
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":[1],\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":99999999999999999999999,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"method\":null}",
        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":[]}",
        "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"name\":5}}",
        "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":\"text\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":{\"a\":1}}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"initialize\",\"params\":{\"protocolVersion\":5}}",
        "{\"jsonrpc\":\"2.0\",\"id\":13,\"result\":{}}",
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"result\":{}}",
        "{\"jsonrpc\":\"2.0\",\"id\":14,\"error\":{\"code\":\"x\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":15,\"error\":null}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":null}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/unknown\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":16,\"method\":\"resources/read\",\"params\":{\"uri\":null}}",
        "{\"jsonrpc\":\"2.0\",\"id\":17,\"method\":\"prompts/get\",\"params\":{\"name\":null}}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"\",\"method\":\"ping\"}",
        "{\"jsonrpc\":2.0,\"id\":18,\"method\":\"ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":19,\"method\":\"ping\",\"method\":\"ping\"}",
        "\"just a string\"", "null", "42", "{}", "[]", "{\"jsonrpc\":\"2.0\"", "\u0000", "\uFEFF{\"jsonrpc\":\"2.0\",\"id\":20,\"method\":\"ping\"}"));
    int id = 100;
    for (StringAttacks.Attack a : StringAttacks.all()) {
      String v = Json.compact(a.value());
      lines.add("{\"jsonrpc\":\"2.0\",\"id\":" + id++ + ",\"method\":" + v + "}");
      lines.add("{\"jsonrpc\":\"2.0\",\"id\":" + v + ",\"method\":\"ping\"}");
      lines.add("{\"jsonrpc\":\"2.0\",\"id\":" + id++ + ",\"method\":\"tools/call\",\"params\":{\"name\":" + v + ",\"arguments\":{}}}");
      lines.add("{\"jsonrpc\":\"2.0\",\"id\":" + id++ + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":" + v + "," + v + ":1}}}");
      lines.add("{\"jsonrpc\":\"2.0\",\"id\":" + id++ + ",\"method\":\"resources/read\",\"params\":{\"uri\":" + v + "}}");
      lines.add("{\"jsonrpc\":\"2.0\",\"id\":" + id++ + ",\"method\":\"prompts/get\",\"params\":{\"name\":" + v + "}}");
      lines.add(a.value().replace("\n", " ").replace("\r", " "));
    }
    return lines;
  }

  @Test
  void noHostileLineStopsTheServer() throws Exception {
    try (Session s = new Session()) {
      s.send(INIT);
      assertThat(s.awaitId(1)).isNotNull();
      int probe = 50_000;
      for (String line : hostileLines()) {
        s.send(line + "\n");
        s.send("{\"jsonrpc\":\"2.0\",\"id\":" + probe + ",\"method\":\"ping\"}\n");
        assertThat(s.awaitId(probe)).as("ping answered after: %s", line).isNotNull();
        probe++;
      }
      for (JsonNode n : s.lines()) {
        assertThat(n.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(n.toString()).doesNotContain("stackTrace").doesNotContain("at io.modelcontextprotocol");
      }
      s.feed.close();
      s.thread.join(10_000);
      assertThat(s.thread.isAlive()).as("server stops at end of input").isFalse();
    }
  }

  @Test
  void requestsFollowedAtOnceByEndOfInputAreAllAnswered() throws Exception {
    // what `printf '...' | ddbm mcp` does: the requests and end of input arrive together
    StringBuilder script = new StringBuilder(INIT);
    script.append("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n");
    script.append("{\"jsonrpc\":\"2.0\",\"id\":\"three\",\"method\":\"ping\"}\n");
    script.append("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"prompts/list\"}\n");
    java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(script.toString().getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread t = new Thread(() -> {
      try {
        McpServerMain.runStdio(McpFrameworkTest.server(false), in, out);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "stdio-eof");
    t.setDaemon(true);
    t.start();
    t.join(60_000);
    assertThat(t.isAlive()).as("server stops at end of input; it wrote: %s", out.toString(StandardCharsets.UTF_8)).isFalse();
    List<String> ids = new ArrayList<>();
    for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!l.isBlank()) {
        JsonNode n = Json.mapper().readTree(l);
        assertThat(n.has("result")).as(l).isTrue();
        ids.add(n.get("id").toString());
      }
    }
    assertThat(ids).containsExactlyInAnyOrder("1", "2", "\"three\"", "4");
  }
}
