package dev.ddbmodel.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The stdio JSON-RPC guard over any bytes: each non-blank line gets exactly one outcome, forwarded
 * unchanged (a well-formed JSON-RPC 2.0 message) or answered with one JSON-RPC error; never an
 * exception. Fuzzed with {@code bench/fuzz mcp}; regression inputs in
 * {@code JsonRpcInputGuardFuzzTestInputs/stdioLines}.
 */
class JsonRpcInputGuardFuzzTest {
  static final int MAX = 256;

  @FuzzTest
  void stdioLines(byte[] data) throws IOException {
    ByteArrayOutputStream answers = new ByteArrayOutputStream();
    byte[] forwarded;
    try (JsonRpcInputGuard guard = new JsonRpcInputGuard(new ByteArrayInputStream(data), new JsonRpcInputGuard.LineWriter(answers), MAX)) {
      forwarded = guard.readAllBytes();
    }
    List<String> passed = lines(forwarded);
    List<String> errors = lines(answers.toByteArray());
    for (String line : passed) {
      JsonNode msg = Json.mapper().readTree(line);
      assertThat(msg.isObject()).as(line).isTrue();
      assertThat(msg.path("jsonrpc").asText()).as(line).isEqualTo("2.0");
      assertThat(msg.path("method").isTextual() || (msg.has("id") && (msg.has("result") || msg.has("error")))).as(line).isTrue();
    }
    for (String line : errors) {
      JsonNode msg = Json.mapper().readTree(line);
      assertThat(msg.path("jsonrpc").asText()).as(line).isEqualTo("2.0");
      assertThat(msg.has("id")).as(line).isTrue();
      assertThat(Set.of(-32700, -32600)).as(line).contains(msg.path("error").path("code").asInt());
      assertThat(msg.path("error").path("message").asText()).as(line).isNotBlank();
    }
    assertThat(passed.size() + errors.size()).as("outcomes for %d input lines", expectedOutcomes(data)).isEqualTo(expectedOutcomes(data));
  }

  /** One outcome per line that is too long or not blank once stripped. */
  static int expectedOutcomes(byte[] data) {
    int n = 0;
    int start = 0;
    for (int i = 0; i <= data.length; i++) {
      if (i == data.length || data[i] == '\n') {
        if (i == data.length && start == i) {
          break;
        }
        int len = i - start;
        if (len > MAX) {
          n++;
        } else {
          int end = len > 0 && data[i - 1] == '\r' ? i - 1 : i;
          if (!new String(data, start, end - start, StandardCharsets.UTF_8).strip().isEmpty()) {
            n++;
          }
        }
        start = i + 1;
      }
    }
    return n;
  }

  static List<String> lines(byte[] out) {
    String s = new String(out, StandardCharsets.UTF_8);
    assertThat(s.isEmpty() || s.endsWith("\n")).as("output ends with a newline: %s", s).isTrue();
    return s.isEmpty() ? List.of() : new ArrayList<>(List.of(s.split("\n", -1)).subList(0, s.split("\n", -1).length - 1));
  }

  /** The oracle counts what it should (a mixed stream with every outcome). */
  @Test
  void mixedStream() throws IOException {
    String in = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}\n\n  \r\nnot json\n[1]\n{\"jsonrpc\":\"1.0\",\"method\":\"x\"}\n"
        + "x".repeat(MAX + 1) + "\n{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
    assertThat(expectedOutcomes(in.getBytes(StandardCharsets.UTF_8))).isEqualTo(6);
    stdioLines(in.getBytes(StandardCharsets.UTF_8));
  }
}
