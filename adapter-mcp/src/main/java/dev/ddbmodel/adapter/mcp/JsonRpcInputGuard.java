package dev.ddbmodel.adapter.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sits between stdin and the SDK's stdio transport, one newline-delimited message at a time.
 * Well-formed JSON-RPC 2.0 messages pass through unchanged. Anything else is answered here with
 * a JSON-RPC error (parse error -32700, invalid request -32600, or too large) and never reaches the
 * SDK, whose reader would otherwise stop on the first bad line. A line passes only when it obeys
 * the JSON-RPC and MCP rules checked here (a request id is a string or an integer, never null; a
 * response carries exactly one of result and error) <em>and</em> the SDK's own message reader
 * accepts it, so nothing the SDK would choke on reaches it. Lines longer than the limit are skipped
 * without being held in memory.
 */
final class JsonRpcInputGuard extends InputStream {
  private final InputStream in;
  private final LineWriter out;
  private final int maxLineBytes;
  private final McpJsonMapper sdkMapper;
  private byte[] current = new byte[0];
  private int pos;
  private boolean eof;

  JsonRpcInputGuard(InputStream in, LineWriter out, int maxLineBytes) {
    this(in, out, maxLineBytes, McpJsonDefaults.getMapper());
  }

  JsonRpcInputGuard(InputStream in, LineWriter out, int maxLineBytes, McpJsonMapper sdkMapper) {
    this.in = in;
    this.out = out;
    this.maxLineBytes = maxLineBytes;
    this.sdkMapper = sdkMapper;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return current[pos++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, current.length - pos);
    System.arraycopy(current, pos, b, off, n);
    pos += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private boolean fill() throws IOException {
    while (pos >= current.length) {
      if (eof) {
        return false;
      }
      byte[] line = nextLine();
      if (line == null) {
        eof = true;
        return false;
      }
      if (line.length == 0) {
        continue;
      }
      byte[] accepted = check(line);
      if (accepted != null) {
        current = accepted;
        pos = 0;
      }
    }
    return true;
  }

  /** One line without its terminator; an over-long line is returned as an empty-marker error. */
  private byte[] nextLine() throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    boolean tooLong = false;
    int c;
    boolean any = false;
    while ((c = in.read()) >= 0) {
      any = true;
      if (c == '\n') {
        break;
      }
      if (tooLong) {
        continue;
      }
      if (buf.size() >= maxLineBytes) {
        tooLong = true;
        buf.reset();
        continue;
      }
      buf.write(c);
    }
    if (!any) {
      return null;
    }
    if (tooLong) {
      out.writeLine(error(null, -32600, "Message exceeds the limit of " + maxLineBytes + " bytes"));
      return new byte[0];
    }
    byte[] b = buf.toByteArray();
    int end = b.length;
    if (end > 0 && b[end - 1] == '\r') {
      end--;
    }
    String s = new String(b, 0, end, StandardCharsets.UTF_8).strip();
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The bytes to forward (with newline), or null after answering the line with an error. */
  private byte[] check(byte[] line) throws IOException {
    JsonNode msg;
    try {
      msg = Json.mapper().readTree(line);
    } catch (IOException e) {
      out.writeLine(error(null, -32700, "Parse error: the line is not valid JSON"));
      return null;
    }
    Object id = null;
    if (msg != null && msg.isObject() && msg.has("id")) {
      JsonNode idNode = msg.get("id");
      // echo only an id that is itself valid; anything else is answered with id null
      id = idNode.isIntegralNumber() && idNode.canConvertToLong() ? idNode.numberValue() : idNode.isTextual() ? idNode.asText() : null;
    }
    String problem = problem(msg);
    if (problem == null) {
      problem = sdkProblem(new String(line, StandardCharsets.UTF_8));
    }
    if (problem != null) {
      // Responses to requests we cannot understand; notifications without id get one too (id null).
      out.writeLine(error(id, -32600, "Invalid Request: " + problem));
      return null;
    }
    if (msg.has("method")) {
      String key = LineWriter.idKey(msg.get("id"));
      if (key != null) {
        out.expectAnswer(key); // a request the SDK will answer: end of input waits for it
      }
    }
    byte[] withNl = new byte[line.length + 1];
    System.arraycopy(line, 0, withNl, 0, line.length);
    withNl[line.length] = '\n';
    return withNl;
  }

  private static String problem(JsonNode msg) {
    if (msg == null || !msg.isObject()) {
      return msg != null && msg.isArray()
          ? "JSON-RPC batches are not supported; send one message per line"
          : "a JSON-RPC message must be a JSON object";
    }
    if (!"2.0".equals(msg.path("jsonrpc").asText(null))) {
      return "`jsonrpc` must be \"2.0\"";
    }
    JsonNode id = msg.get("id");
    if (id != null && id.isNull()) {
      return "`id` must not be null (send a notification without `id`, or a request with a string or integer `id`)";
    }
    if (id != null && !(id.isTextual() || id.isIntegralNumber())) {
      return "`id` must be a string or an integer";
    }
    if (id != null && id.isIntegralNumber() && !id.canConvertToLong()) {
      return "`id` is too large for an integer";
    }
    if (msg.has("method")) {
      if (!msg.get("method").isTextual()) {
        return "`method` must be a string";
      }
      JsonNode params = msg.get("params");
      if (params != null && !params.isObject() && !params.isNull()) {
        return "`params` must be an object";
      }
      return null;
    }
    if (id != null && (msg.has("result") != msg.has("error"))) {
      if (msg.has("error") && !msg.get("error").isObject()) {
        return "`error` must be an object";
      }
      return null;
    }
    if (id != null && msg.has("result")) {
      return "a response carries `result` or `error`, not both";
    }
    return "a message needs a `method`, or an `id` with `result` or `error`";
  }

  /** Why the SDK's own reader would refuse the line, or null when it accepts it. */
  private String sdkProblem(String text) {
    try {
      McpSchema.deserializeJsonRpcMessage(sdkMapper, text);
      return null;
    } catch (IOException | RuntimeException e) {
      return "the message does not have the shape of a JSON-RPC request, notification or response";
    }
  }

  static String error(Object id, int code, String message) {
    Map<String, Object> err = new LinkedHashMap<>();
    err.put("code", code);
    err.put("message", message);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jsonrpc", "2.0");
    m.put("id", id);
    m.put("error", err);
    return Json.compact(m);
  }

  /**
   * Output shared by the SDK and the guard: bytes are collected per line and each complete line
   * is written and flushed under one lock, so messages never interleave.
   */
  static final class LineWriter extends OutputStream {
    private final OutputStream target;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    /** Requests handed to the SDK and not answered yet, by id (a client may reuse an id). */
    private final java.util.Map<String, Integer> awaited = new java.util.HashMap<>();

    LineWriter(OutputStream target) {
      this.target = target;
    }

    /** The key of a request or response id: integers and strings apart, anything else null. */
    static String idKey(JsonNode id) {
      if (id == null) {
        return null;
      }
      if (id.isIntegralNumber() && id.canConvertToLong()) {
        return "n:" + id.asLong();
      }
      return id.isTextual() ? "s:" + id.asText() : null;
    }

    synchronized void expectAnswer(String key) {
      awaited.merge(key, 1, Integer::sum);
    }

    /**
     * Waits until every request handed to the SDK has been answered, at most {@code millis}.
     *
     * @return whether all were answered
     */
    synchronized boolean awaitAnswers(long millis) throws InterruptedException {
      long deadline = System.nanoTime() + millis * 1_000_000L;
      while (!awaited.isEmpty()) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          return false;
        }
        wait(left);
      }
      return true;
    }

    private void noteAnswer(byte[] line) {
      if (awaited.isEmpty()) {
        return;
      }
      JsonNode msg;
      try {
        msg = Json.mapper().readTree(line);
      } catch (IOException e) {
        return;
      }
      if (msg == null || !msg.isObject() || msg.has("method") || !(msg.has("result") || msg.has("error"))) {
        return;
      }
      String key = idKey(msg.get("id"));
      if (key != null && awaited.computeIfPresent(key, (k, n) -> n > 1 ? n - 1 : null) == null) {
        notifyAll();
      }
    }

    synchronized void writeLine(String line) throws IOException {
      target.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      target.flush();
    }

    @Override
    public synchronized void write(int b) throws IOException {
      pending.write(b);
      if (b == '\n') {
        noteAnswer(pending.toByteArray());
        pending.writeTo(target);
        pending.reset();
        target.flush();
      }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      for (int i = off; i < off + len; i++) {
        write(b[i]);
      }
    }

    @Override
    public synchronized void flush() throws IOException {
      // Partial lines stay buffered until their newline arrives.
    }
  }
}
