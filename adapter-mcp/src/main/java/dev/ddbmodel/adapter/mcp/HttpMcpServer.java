package dev.ddbmodel.adapter.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * MCP over streamable HTTP at {@code /mcp}, served by an embedded Jetty bound to one address
 * (loopback unless the user names another).
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

  /** Starts listening; port 0 picks a free port. */
  public static HttpMcpServer start(ServerConfig config, String host, int port) throws Exception {
    return start(DdbModelMcpServer.standard(config), host, port);
  }

  public static HttpMcpServer start(DdbModelMcpServer server, String host, int port)
      throws Exception {
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(server.mapper())
            .mcpEndpoint("/mcp")
            .maxRequestSize(MAX_REQUEST_BYTES)
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
    jetty.setHandler(context);
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
}
