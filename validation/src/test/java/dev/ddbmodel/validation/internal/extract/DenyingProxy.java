package dev.ddbmodel.validation.internal.extract;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A loopback proxy in front of DynamoDB Local that answers AccessDeniedException for reads of
 * some tables, as an IAM policy that grants only some tables would: everything else is passed to
 * Local unchanged.
 */
final class DenyingProxy implements AutoCloseable {
  private final HttpServer server;
  private final HttpClient http = HttpClient.newHttpClient();

  DenyingProxy(URI target, Set<String> deniedTables) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> handle(ex, target, deniedTables));
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange ex, URI target, Set<String> denied) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String op = String.valueOf(ex.getRequestHeaders().getFirst("X-Amz-Target"));
    String text = new String(body, StandardCharsets.UTF_8);
    boolean deny = op.endsWith(".DescribeTable") && denied.stream().anyMatch(t -> text.contains("\"TableName\":\"" + t + "\""));
    if (deny) {
      byte[] out = "{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"message\":\"not authorized to perform dynamodb:DescribeTable\"}"
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
      ex.sendResponseHeaders(400, out.length);
      ex.getResponseBody().write(out);
      ex.close();
      return;
    }
    HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(ex.getRequestURI().getPath())).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (String h : new String[] {"Content-Type", "X-Amz-Target", "Authorization", "X-Amz-Date"}) {
      String v = ex.getRequestHeaders().getFirst(h);
      if (v != null) {
        b.header(h, v);
      }
    }
    try {
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      r.headers().firstValue("Content-Type").ifPresent(v -> ex.getResponseHeaders().add("Content-Type", v));
      ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
      ex.getResponseBody().write(r.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ex.sendResponseHeaders(500, -1);
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
