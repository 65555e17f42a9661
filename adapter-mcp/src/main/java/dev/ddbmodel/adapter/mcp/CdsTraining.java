package dev.ddbmodel.adapter.mcp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A scripted session (initialize, list tools, prompts and resources) run once at build time
 * with {@code -XX:ArchiveClassesAtExit}, so the shipped class-data archive covers the classes a
 * real client start needs. Not used at run time.
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    String script =
        String.join(
                "\n",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"cds\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"prompts/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/list\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"dynamodb_data_modeling\",\"arguments\":{}}}")
            + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread server =
        new Thread(
            () -> {
              try {
                McpServerMain.runStdio(
                    DdbModelMcpServer.standard(new ServerConfig(false, Version.current())),
                    new SlowEof(script.getBytes(StandardCharsets.UTF_8), out),
                    out);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    server.start();
    server.join(60_000);
  }

  /** Delivers the script, then reports end of input once the last reply has been written. */
  private static final class SlowEof extends ByteArrayInputStream {
    private final ByteArrayOutputStream out;

    SlowEof(byte[] buf, ByteArrayOutputStream out) {
      super(buf);
      this.out = out;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      if (n < 0) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!out.toString(StandardCharsets.UTF_8).contains("\"id\":5")
            && System.nanoTime() < deadline) {
          try {
            Thread.sleep(10);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
          }
        }
      }
      return n;
    }
  }
}
