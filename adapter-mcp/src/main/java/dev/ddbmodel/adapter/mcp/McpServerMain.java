package dev.ddbmodel.adapter.mcp;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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

  /**
   * Serves MCP over the given streams until {@code in} reaches end of file. A dedicated thread
   * reads {@code in} through the {@link JsonRpcInputGuard} and hands accepted lines to the SDK
   * through a pipe, so end of input is seen (and the server stops) whatever state the SDK's own
   * reader is in.
   */
  public static void runStdio(DdbModelMcpServer server, InputStream in, OutputStream out)
      throws InterruptedException {
    CountDownLatch eof = new CountDownLatch(1);
    JsonRpcInputGuard.LineWriter lines = new JsonRpcInputGuard.LineWriter(out);
    InputStream guarded = new JsonRpcInputGuard(in, lines, MAX_MESSAGE_BYTES, server.mapper());
    PipedInputStream toSdk;
    PipedOutputStream pump;
    try {
      toSdk = new PipedInputStream(64 * 1024);
      pump = new PipedOutputStream(toSdk);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread reader =
        new Thread(
            () -> {
              byte[] buf = new byte[8192];
              boolean sdkGone = false;
              try {
                int n;
                while ((n = guarded.read(buf, 0, buf.length)) >= 0) {
                  if (sdkGone) {
                    continue; // keep draining so end of input still stops the server
                  }
                  try {
                    pump.write(buf, 0, n);
                    pump.flush();
                  } catch (IOException e) {
                    sdkGone = true;
                    System.err.println("ddbm mcp: the protocol reader stopped (" + e.getMessage() + "); waiting for end of input");
                  }
                }
              } catch (IOException | RuntimeException e) {
                System.err.println("ddbm mcp: cannot read standard input: " + e.getMessage());
              } finally {
                eof.countDown();
              }
            },
            "ddbm-stdin");
    reader.setDaemon(true);
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(server.mapper(), toSdk, lines);
    McpSyncServer running = server.start(transport);
    reader.start();
    try {
      eof.await();
    } finally {
      try {
        pump.close();
      } catch (IOException e) {
        // the SDK side is gone already
      }
      running.close();
    }
  }
}
