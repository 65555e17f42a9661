package dev.ddbmodel.adapter.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Streamable HTTP on loopback under load: 16 concurrent clients make 1,000 tool calls in total,
 * with malformed requests, an oversized body and abrupt disconnects mixed in; the server must
 * answer every well-formed call and keep serving.
 */
class McpHttpLoadIT {
  static final int CLIENTS = 16;
  static final int CALLS = 1_000;

  @Test
  void thousandCallsFromSixteenClientsWithAbuseInBetween() throws Exception {
    try (HttpMcpServer http = HttpMcpServer.start(McpFrameworkTest.server(false), "127.0.0.1", 0)) {
      URI endpoint = http.endpoint();
      AtomicInteger ok = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
      try {
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          final int client = c;
          work.add(
              pool.submit(
                  () -> {
                    var transport =
                        HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + endpoint.getPort())
                            .endpoint("/mcp")
                            .build();
                    try (McpSyncClient mcp =
                        McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build()) {
                      mcp.initialize();
                      for (int i = client; i < CALLS; i += CLIENTS) {
                        String text = "c" + client + "-" + i;
                        var r = mcp.callTool(new McpSchema.CallToolRequest("echo", Map.of("text", text)));
                        String got = ((McpSchema.TextContent) r.content().get(0)).text();
                        if (!Boolean.TRUE.equals(r.isError()) && got.equals(text)) {
                          ok.incrementAndGet();
                        } else {
                          failed.incrementAndGet();
                        }
                      }
                    }
                    return null;
                  }));
        }
        work.add(pool.submit(() -> {
          abuse(endpoint);
          return null;
        }));
        for (Future<?> f : work) {
          f.get(5, TimeUnit.MINUTES);
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(failed.get()).isZero();
      assertThat(ok.get()).isEqualTo(CALLS);

      // and a fresh client still works afterwards
      var transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + endpoint.getPort()).endpoint("/mcp").build();
      try (McpSyncClient mcp = McpClient.sync(transport).build()) {
        mcp.initialize();
        assertThat(mcp.listTools().tools()).isNotEmpty();
      }
    }
  }

  /** Malformed JSON, a body over the size limit, and connections dropped mid-request. */
  static void abuse(URI endpoint) throws Exception {
    for (int i = 0; i < 20; i++) {
      assertThat(post(endpoint, "{not json")).isBetween(400, 499);
    }
    byte[] huge = new byte[HttpMcpServer.MAX_REQUEST_BYTES + 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    huge[0] = '{';
    huge[huge.length - 1] = '}';
    int status;
    try {
      status = post(endpoint, new String(huge, StandardCharsets.US_ASCII));
    } catch (java.io.IOException e) {
      status = 413; // the server may close the connection instead of answering
    }
    assertThat(status).isBetween(400, 499);
    for (int i = 0; i < 20; i++) {
      try (Socket s = new Socket(endpoint.getHost(), endpoint.getPort())) {
        OutputStream out = s.getOutputStream();
        out.write(("POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Accept: application/json, text/event-stream\r\nContent-Length: 5000\r\n\r\n{\"jsonrpc\":").getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } // closed with the body incomplete
    }
  }

  static int post(URI endpoint, String body) throws Exception {
    HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/json");
    c.setRequestProperty("Accept", "application/json, text/event-stream");
    try (OutputStream o = c.getOutputStream()) {
      o.write(body.getBytes(StandardCharsets.UTF_8));
    }
    int code = c.getResponseCode();
    try (InputStream in = code >= 400 ? c.getErrorStream() : c.getInputStream()) {
      if (in != null) {
        in.readAllBytes();
      }
    }
    return code;
  }
}
