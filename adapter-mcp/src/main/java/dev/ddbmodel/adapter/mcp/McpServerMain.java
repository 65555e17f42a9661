package dev.ddbmodel.adapter.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the MCP server jar. {@code --http PORT [--host H]} serves streamable HTTP,
 * otherwise stdio. {@code --read-only} (or {@value ServerConfig#READ_ONLY_ENV}=true) hides tools
 * that write files or connect to databases.
 *
 * <p>In stdio mode, standard output carries protocol bytes only: {@code System.out} is pointed at
 * stderr before anything else runs, so stray prints (DynamoDB Local, libraries) cannot corrupt the
 * stream. The server returns when stdin closes.
 */
public final class McpServerMain {
  /** Largest accepted stdio message (one line). */
  public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

  private McpServerMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream protocolOut =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    LaunchOptions opts = LaunchOptions.parse(args, System.getenv(ServerConfig.READ_ONLY_ENV));
    if (opts.error() != null) {
      System.err.println("ddbm mcp: " + opts.error());
      System.err.println(LaunchOptions.USAGE);
      throw new IllegalArgumentException(opts.error());
    }
    ServerConfig config = new ServerConfig(opts.readOnly(), Version.current());
    if (opts.httpPort() >= 0) {
      try (HttpMcpServer http = HttpMcpServer.start(config, opts.host(), opts.httpPort())) {
        System.err.println("ddbm MCP server listening on " + http.endpoint());
        http.join();
      }
    } else {
      runStdio(DdbModelMcpServer.standard(config), System.in, protocolOut);
    }
  }

  /** Serves MCP over the given streams until {@code in} reaches end of file. */
  public static void runStdio(DdbModelMcpServer server, InputStream in, OutputStream out)
      throws InterruptedException {
    CountDownLatch eof = new CountDownLatch(1);
    JsonRpcInputGuard.LineWriter lines = new JsonRpcInputGuard.LineWriter(out);
    InputStream guarded = new JsonRpcInputGuard(in, lines, MAX_MESSAGE_BYTES);
    InputStream watched =
        new FilterInputStream(guarded) {
          @Override
          public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
              eof.countDown();
            }
            return b;
          }

          @Override
          public int read(byte[] buf, int off, int len) throws IOException {
            int n;
            try {
              n = super.read(buf, off, len);
            } catch (IOException e) {
              eof.countDown();
              throw e;
            }
            if (n < 0) {
              eof.countDown();
            }
            return n;
          }
        };
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(server.mapper(), watched, lines);
    McpSyncServer running = server.start(transport);
    try {
      eof.await();
    } finally {
      running.close();
    }
  }
}
