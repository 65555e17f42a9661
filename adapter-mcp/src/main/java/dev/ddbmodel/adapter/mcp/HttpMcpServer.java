package dev.ddbmodel.adapter.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * MCP over streamable HTTP at {@code /mcp}, served by an embedded Jetty bound to one address
 * (loopback unless the user names another). Every request passes the {@link HttpGuardFilter}
 * (Origin, Host, bearer token); every error answer, down to the container's own, is a JSON-RPC
 * error object.
 */
public final class HttpMcpServer implements AutoCloseable {
  /** Largest accepted request body. */
  public static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;

  private final Server jetty;
  private final McpSyncServer mcp;
  private final URI endpoint;

  private HttpMcpServer(Server jetty, McpSyncServer mcp, URI endpoint) {
    this.jetty = jetty;
    this.mcp = mcp;
    this.endpoint = endpoint;
  }

  /** Starts listening with the loopback defaults; port 0 picks a free port. */
  public static HttpMcpServer start(ServerConfig config, String host, int port) throws Exception {
    return start(DdbModelMcpServer.standard(config), host, port, HttpSecurity.forBind(host, java.util.List.of(), java.util.List.of(), java.util.Optional.empty()));
  }

  public static HttpMcpServer start(DdbModelMcpServer server, String host, int port) throws Exception {
    return start(server, host, port, HttpSecurity.forBind(host, java.util.List.of(), java.util.List.of(), java.util.Optional.empty()));
  }

  public static HttpMcpServer start(DdbModelMcpServer server, String host, int port, HttpSecurity security)
      throws Exception {
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(server.mapper())
            .mcpEndpoint("/mcp")
            .maxRequestSize(MAX_REQUEST_BYTES)
            .securityValidator(security.validator())
            .build();
    McpSyncServer mcp = server.start(transport);
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost(host);
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    ServletHolder holder = new ServletHolder(transport);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/*");
    context.addFilter(new FilterHolder(new HttpGuardFilter(security)), "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
    context.setErrorHandler(new JsonErrorHandler());
    jetty.setHandler(context);
    jetty.setErrorHandler(new JsonErrorHandler());
    try {
      jetty.start();
    } catch (Exception e) {
      mcp.close();
      jetty.stop();
      throw e;
    }
    String h = host.contains(":") ? "[" + host + "]" : host;
    return new HttpMcpServer(jetty, mcp, URI.create("http://" + h + ":" + connector.getLocalPort() + "/mcp"));
  }

  public URI endpoint() {
    return endpoint;
  }

  public void join() throws InterruptedException {
    jetty.join();
  }

  @Override
  public void close() throws Exception {
    try {
      mcp.close();
    } finally {
      jetty.stop();
    }
  }

  /** Errors the container answers itself (malformed HTTP, before any servlet): a JSON-RPC error too. */
  static final class JsonErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
      byte[] body = (HttpGuardFilter.normalize(code, message, new byte[0]) + "\n").getBytes(StandardCharsets.UTF_8);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.write(true, ByteBuffer.wrap(body), callback);
    }
  }
}
