package dev.ddbmodel.adapter.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.json.Json;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In front of the SDK's servlet: refuses a foreign Origin or Host (403) with the SDK's transport
 * security validator, refuses a request without the configured bearer token (401), and turns every
 * error answer (the SDK's, the servlet container's, an exception) into a JSON-RPC error object with
 * no Java stack trace.
 */
final class HttpGuardFilter implements Filter {
  /** Server-defined JSON-RPC error codes for refusals made before the request is read. */
  static final int UNAUTHORIZED = -32001;
  static final int FORBIDDEN = -32003;

  private static final System.Logger LOG = System.getLogger(HttpGuardFilter.class.getName());

  private final HttpSecurity security;
  private final ServerTransportSecurityValidator validator;

  HttpGuardFilter(HttpSecurity security) {
    this.security = security;
    this.validator = security.validator();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse res = (HttpServletResponse) response;
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : List.of("Origin", "Host")) {
      List<String> values = Collections.list(req.getHeaders(name));
      if (!values.isEmpty()) {
        headers.put(name, values);
      }
    }
    if (!headers.containsKey("Host")) {
      // HTTP/1.1 requires Host; the validator only checks it when present, so insist here
      headers.put("Host", List.of(""));
    }
    try {
      validator.validateHeaders(headers);
    } catch (ServerTransportSecurityException e) {
      String which = e.getMessage() != null && e.getMessage().contains("Origin") ? "Origin" : "Host";
      write(res, 403, FORBIDDEN, "Forbidden: the " + which + " header is not allowed by this server"
          + " (loopback only unless configured with --allowed-" + which.toLowerCase(java.util.Locale.ROOT) + ")");
      return;
    }
    if (!security.authorized(req.getHeader("Authorization"))) {
      res.setHeader("WWW-Authenticate", "Bearer realm=\"ddbm-mcp\"");
      write(res, 401, UNAUTHORIZED, "Unauthorized: send the configured token as `Authorization: Bearer <token>`");
      return;
    }
    ErrorBody wrapped = new ErrorBody(res);
    try {
      chain.doFilter(req, wrapped);
    } catch (IOException | ServletException | RuntimeException e) {
      LOG.log(System.Logger.Level.ERROR, "HTTP request failed", e);
      if (!res.isCommitted()) {
        res.reset();
        write(res, 500, -32603, "Internal error: " + e.getClass().getSimpleName() + ". The server log (stderr) has the details.");
      }
      return;
    }
    wrapped.finish();
  }

  /** Writes one JSON-RPC error object (id null) as the whole response. */
  static void write(HttpServletResponse res, int status, int code, String message) throws IOException {
    byte[] body = (JsonRpcInputGuard.error(null, code, message) + "\n").getBytes(StandardCharsets.UTF_8);
    res.setStatus(status);
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
    res.getOutputStream().flush();
  }

  /** The JSON-RPC code and a plain message for an error body the SDK or container produced. */
  static String normalize(int status, String reason, byte[] body) {
    int code = status >= 500 ? -32603 : status == 404 ? -32601 : -32600;
    String message = reason;
    if (body.length > 0) {
      try {
        JsonNode n = Json.mapper().readTree(body);
        JsonNode err = n.has("jsonRpcError") ? n.get("jsonRpcError") : n.has("error") && n.get("error").isObject() ? n.get("error") : null;
        if (err != null && err.path("code").isInt()) {
          code = err.get("code").asInt();
        }
        if (err != null && err.path("message").isTextual()) {
          message = err.get("message").asText();
        } else if (n.path("message").isTextual()) {
          message = n.get("message").asText();
        }
      } catch (IOException | RuntimeException e) {
        // not JSON: keep the status text
      }
    }
    if (message == null || message.isBlank()) {
      message = switch (status) {
        case 400 -> "Bad Request";
        case 404 -> "Not Found: the MCP endpoint is /mcp";
        case 405 -> "Method Not Allowed";
        case 406 -> "Not Acceptable: send Accept: application/json, text/event-stream";
        case 413 -> "Request too large";
        case 415 -> "Unsupported Media Type: send Content-Type: application/json";
        default -> "HTTP error " + status;
      };
    }
    // one line, bounded, no Java internals: never a stack trace or a class name
    message = withoutInternals(message.lines().findFirst().orElse("").strip());
    if (message.length() > 500) {
      message = message.substring(0, 500) + "…";
    }
    return JsonRpcInputGuard.error(null, code, message);
  }

  private static final java.util.regex.Pattern JAVA_NAME =
      java.util.regex.Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.){2,}[A-Z][\\w$]*");

  /**
   * A message that names Java classes (a parser's exception text passed through) keeps its plain
   * leading words and the reason given after {@code problem:}, and nothing in between.
   */
  static String withoutInternals(String m) {
    java.util.regex.Matcher x = JAVA_NAME.matcher(m);
    if (!x.find()) {
      return m;
    }
    String prefix = m.substring(0, x.start()).replaceAll("[:\\s`]+$", "").strip();
    int p = m.lastIndexOf("problem: ");
    String tail = p >= 0 ? m.substring(p + 9).strip() : "";
    if (JAVA_NAME.matcher(tail).find()) {
      tail = "";
    }
    if (prefix.isEmpty()) {
      return tail.isEmpty() ? "Invalid request" : tail;
    }
    return tail.isEmpty() ? prefix : prefix + ": " + tail;
  }

  /** Buffers whatever an error answer writes, so it can be replaced by a JSON-RPC error. */
  private static final class ErrorBody extends HttpServletResponseWrapper {
    private final HttpServletResponse target;
    private ByteArrayOutputStream buffer;
    private PrintWriter writer;
    private ServletOutputStream stream;
    private String reason;
    private boolean error;

    ErrorBody(HttpServletResponse target) {
      super(target);
      this.target = target;
    }

    private boolean capturing() {
      if (!error && getStatus() >= 400) {
        error = true;
      }
      return error;
    }

    @Override
    public void sendError(int sc, String msg) {
      setStatus(sc);
      error = true;
      reason = msg;
    }

    @Override
    public void sendError(int sc) {
      sendError(sc, null);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!capturing()) {
        return super.getOutputStream();
      }
      if (stream == null) {
        buffer = buffer == null ? new ByteArrayOutputStream() : buffer;
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) {
            buffer.write(b);
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setWriteListener(WriteListener l) {
            throw new UnsupportedOperationException("error bodies are written synchronously");
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!capturing()) {
        return super.getWriter();
      }
      if (writer == null) {
        writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!capturing()) {
        super.flushBuffer();
      }
    }

    void finish() throws IOException {
      if (!capturing() || target.isCommitted()) {
        return;
      }
      if (writer != null) {
        writer.flush();
      }
      byte[] body = buffer == null ? new byte[0] : buffer.toByteArray();
      int status = getStatus();
      String json = normalize(status, reason, body) + "\n";
      byte[] out = json.getBytes(StandardCharsets.UTF_8);
      target.setStatus(status);
      target.setContentType("application/json");
      target.setCharacterEncoding("UTF-8");
      target.setContentLength(out.length);
      target.getOutputStream().write(out);
      target.getOutputStream().flush();
    }
  }
}
