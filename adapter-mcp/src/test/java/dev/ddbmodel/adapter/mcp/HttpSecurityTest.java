package dev.ddbmodel.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The streamable HTTP endpoint over real sockets (raw requests, so Host and Origin are exactly what
 * a hostile page or a DNS-rebinding attack would send).
 */
class HttpSecurityTest {
  static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
      + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

  record Answer(int status, String headers, String body) {
    JsonNode json() throws Exception {
      return Json.mapper().readTree(body);
    }
  }

  /** One HTTP/1.1 request with exactly these headers. */
  static Answer post(int port, String path, Map<String, String> headers, String body) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(20_000);
      StringBuilder req = new StringBuilder("POST " + path + " HTTP/1.1\r\n");
      headers.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      req.append("Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\nConnection: close\r\n")
          .append("Content-Length: ").append(b.length).append("\r\n\r\n");
      OutputStream out = s.getOutputStream();
      out.write(req.toString().getBytes(StandardCharsets.UTF_8));
      out.write(b);
      out.flush();
      InputStream in = s.getInputStream();
      String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int split = raw.indexOf("\r\n\r\n");
      String head = raw.substring(0, split);
      String rest = raw.substring(split + 4);
      if (head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
        rest = dechunk(rest);
      }
      int status = Integer.parseInt(head.substring(9, 12));
      return new Answer(status, head, rest.strip());
    }
  }

  static String dechunk(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int nl = s.indexOf("\r\n", i);
      int len = Integer.parseInt(s.substring(i, nl).strip(), 16);
      if (len == 0) {
        break;
      }
      out.append(s, nl + 2, nl + 2 + len);
      i = nl + 2 + len + 2;
    }
    return out.toString();
  }

  static Map<String, String> headers(int port, String... kv) {
    java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
    m.put("Host", "127.0.0.1:" + port);
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] == null) {
        m.remove(kv[i]);
      } else {
        m.put(kv[i], kv[i + 1]);
      }
    }
    return m;
  }

  static void assertJsonRpcError(Answer a, int status) throws Exception {
    assertThat(a.status()).as(a.toString()).isEqualTo(status);
    JsonNode n = a.json();
    assertThat(n.path("jsonrpc").asText()).as(a.body()).isEqualTo("2.0");
    assertThat(n.has("id")).isTrue();
    assertThat(n.path("error").path("code").isInt()).as(a.body()).isTrue();
    assertThat(n.path("error").path("message").asText()).isNotBlank();
    assertThat(a.body()).doesNotContain("stackTrace").doesNotContain("at org.").doesNotContain("at io.").doesNotContain("Exception");
  }

  @Test
  void foreignOriginOrHostIsForbiddenAndLoopbackIsServed() throws Exception {
    try (HttpMcpServer http = HttpMcpServer.start(McpFrameworkTest.server(false), "127.0.0.1", 0)) {
      int port = http.endpoint().getPort();
      assertJsonRpcError(post(port, "/mcp", headers(port, "Origin", "http://evil.example"), INIT), 403);
      assertJsonRpcError(post(port, "/mcp", headers(port, "Origin", "http://localhost.evil.example:" + port), INIT), 403);
      assertJsonRpcError(post(port, "/mcp", headers(port, "Host", "evil.example:" + port), INIT), 403);
      assertJsonRpcError(post(port, "/mcp", headers(port, "Host", "evil.example"), INIT), 403);
      // DNS rebinding: the page's origin and host both name the attacker's domain
      assertJsonRpcError(post(port, "/mcp", headers(port, "Host", "rebind.example:" + port, "Origin", "http://rebind.example:" + port), INIT), 403);

      Answer ok = post(port, "/mcp", headers(port, "Origin", "http://localhost:6274"), INIT);
      assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
      assertThat(ok.body()).contains("dynamodb-mcp-server");
      Answer noOrigin = post(port, "/mcp", headers(port, "Host", "localhost:" + port), INIT);
      assertThat(noOrigin.status()).as(noOrigin.toString()).isEqualTo(200);
    }
  }

  @Test
  void configuredOriginsAndHostsAreAccepted() throws Exception {
    HttpSecurity sec = HttpSecurity.forBind("127.0.0.1", List.of("https://app.example"), List.of("mcp.internal:*"), Optional.empty());
    try (HttpMcpServer http = HttpMcpServer.start(McpFrameworkTest.server(false), "127.0.0.1", 0, sec)) {
      int port = http.endpoint().getPort();
      assertThat(post(port, "/mcp", headers(port, "Origin", "https://app.example"), INIT).status()).isEqualTo(200);
      assertThat(post(port, "/mcp", headers(port, "Host", "mcp.internal:" + port), INIT).status()).isEqualTo(200);
      assertJsonRpcError(post(port, "/mcp", headers(port, "Origin", "https://other.example"), INIT), 403);
    }
  }

  @Test
  void tokenIsCheckedOnEveryRequest() throws Exception {
    HttpSecurity sec = HttpSecurity.forBind("127.0.0.1", List.of(), List.of(), Optional.of("s3cret-token"));
    try (HttpMcpServer http = HttpMcpServer.start(McpFrameworkTest.server(false), "127.0.0.1", 0, sec)) {
      int port = http.endpoint().getPort();
      Answer missing = post(port, "/mcp", headers(port), INIT);
      assertJsonRpcError(missing, 401);
      assertThat(missing.headers()).containsIgnoringCase("WWW-Authenticate: Bearer");
      assertJsonRpcError(post(port, "/mcp", headers(port, "Authorization", "Bearer wrong"), INIT), 401);
      assertJsonRpcError(post(port, "/mcp", headers(port, "Authorization", "Bearer s3cret-tokenX"), INIT), 401);
      assertJsonRpcError(post(port, "/mcp", headers(port, "Authorization", "Basic s3cret-token"), INIT), 401);
      Answer ok = post(port, "/mcp", headers(port, "Authorization", "Bearer s3cret-token"), INIT);
      assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
      String session = ok.headers().lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("mcp-session-id:"))
          .findFirst().orElseThrow().substring(15).strip();
      // a later request of the same session still needs the token
      assertJsonRpcError(post(port, "/mcp", headers(port, "Mcp-Session-Id", session), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"), 401);
      Answer list = post(port, "/mcp", headers(port, "Mcp-Session-Id", session, "Authorization", "Bearer s3cret-token"),
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
      assertThat(list.status()).as(list.toString()).isEqualTo(200);
      assertThat(list.body()).contains("echo");
    }
  }

  @Test
  void errorAnswersAreJsonRpcErrorsWithoutStackTraces() throws Exception {
    try (HttpMcpServer http = HttpMcpServer.start(McpFrameworkTest.server(false), "127.0.0.1", 0)) {
      int port = http.endpoint().getPort();
      assertJsonRpcError(post(port, "/mcp", headers(port), "not json"), 400);
      assertJsonRpcError(post(port, "/mcp", headers(port), "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}"), 400);
      assertJsonRpcError(post(port, "/mcp", headers(port, "Mcp-Session-Id", "no-such-session"), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"), 404);
      // malformed HTTP is answered by the container itself: a JSON-RPC error too
      try (Socket raw = new Socket("127.0.0.1", port)) {
        raw.setSoTimeout(20_000);
        raw.getOutputStream().write("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String rawAnswer = new String(raw.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(rawAnswer).startsWith("HTTP/1.1 400");
        String body = rawAnswer.substring(rawAnswer.indexOf("\r\n\r\n") + 4).strip();
        assertJsonRpcError(new Answer(400, "", body.contains("\r\n") ? dechunk(body + "\r\n") : body), 400);
      }
      Answer other = post(port, "/elsewhere", headers(port), INIT);
      assertThat(other.status()).isGreaterThanOrEqualTo(400);
      assertJsonRpcError(other, other.status());
    }
  }

  static int run(Map<String, String> env, String... args) throws Exception {
    LaunchOptions.Parsed p = LaunchOptions.parse(args);
    assertThat(p.error()).isNull();
    return McpServerMain.run(p.options(), env::get, new java.io.PrintWriter(new java.io.OutputStreamWriter(ERR, StandardCharsets.UTF_8), true), InputStream.nullInputStream(), OutputStream.nullOutputStream());
  }

  static final ByteArrayOutputStream ERR = new ByteArrayOutputStream();

  @Test
  void remoteBindWithoutTokenRefusesToStart() throws Exception {
    ERR.reset();
    assertThat(run(Map.of(), "--http", "0", "--host", "0.0.0.0")).isEqualTo(2);
    assertThat(ERR.toString(StandardCharsets.UTF_8)).contains("refusing to listen on 0.0.0.0 without authentication").contains("--auth-token-env");
    ERR.reset();
    assertThat(run(Map.of(), "--http", "0", "--host", "0.0.0.0", "--auth-token-env", "DDBM_TEST_TOKEN")).isEqualTo(2);
    assertThat(ERR.toString(StandardCharsets.UTF_8)).contains("DDBM_TEST_TOKEN").contains("not set or empty");
    ERR.reset();
    assertThat(run(Map.of(), "--auth-token-env", "X")).isEqualTo(2);
    assertThat(ERR.toString(StandardCharsets.UTF_8)).contains("HTTP mode only");
  }

  @Test
  void unresolvableHostOrBusyPortIsAnEnvironmentProblem() throws Exception {
    ERR.reset();
    assertThat(run(Map.of(), "--http", "0", "--host", "no-such-host.invalid")).isEqualTo(3);
    assertThat(ERR.toString(StandardCharsets.UTF_8)).contains("cannot resolve --host");
    try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      ERR.reset();
      assertThat(run(Map.of(), "--http", Integer.toString(busy.getLocalPort()))).isEqualTo(3);
      assertThat(ERR.toString(StandardCharsets.UTF_8)).contains("cannot listen on 127.0.0.1:" + busy.getLocalPort());
    }
  }
}
