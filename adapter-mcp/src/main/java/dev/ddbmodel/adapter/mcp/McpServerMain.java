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
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the MCP server jar. {@code --http PORT [--host H]} serves streamable HTTP,
 * otherwise stdio. {@code --read-only} (or {@value ServerConfig#READ_ONLY_ENV}=true) hides tools
 * that write files or connect to databases and confines file arguments to the workspace.
 *
 * <p>In stdio mode, standard output carries protocol bytes only: {@code System.out} is pointed at
 * stderr before anything else runs, so stray prints (DynamoDB Local, libraries) cannot corrupt the
 * stream. The server returns when stdin closes.
 *
 * <p>Exit codes: 0 done, 2 usage (bad option or environment value, a non-loopback bind without a
 * token), 3 environment (the address cannot be resolved or bound).
 */
public final class McpServerMain {
  /** Largest accepted stdio message (one line). */
  public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

  public static final int OK = 0;
  public static final int USAGE = 2;
  public static final int ENVIRONMENT = 3;

  private McpServerMain() {}

  public static void main(String[] args) throws Exception {
    LaunchOptions.Parsed parsed = LaunchOptions.parse(args);
    int code;
    if (parsed.error() != null) {
      System.err.println("ddbm mcp: " + parsed.error());
      System.err.println(LaunchOptions.USAGE);
      code = USAGE;
    } else {
      code = runProcess(parsed.options());
    }
    if (code != OK) {
      System.exit(code); // the server jar's own main: its exit code is its only answer
    }
  }

  /** Runs with this process's stdin, stdout (protocol only) and environment; returns the exit code. */
  public static int runProcess(LaunchOptions options) throws InterruptedException {
    return runProcess(options, new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
  }

  /** As {@link #runProcess(LaunchOptions)}, with start-up messages and refusals going to {@code err}. */
  public static int runProcess(LaunchOptions options, PrintWriter err) throws InterruptedException {
    PrintStream protocolOut =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    // stdout carries protocol bytes only: stray prints go to stderr from the moment stdio serving starts
    return run(options, System::getenv, err, System.in, protocolOut, () -> System.setOut(System.err));
  }

  /**
   * Resolves the options against the environment, then serves until stdin closes (stdio) or the
   * server is stopped (HTTP). Refusals are one line on {@code err} and a non-zero exit code.
   */
  public static int run(LaunchOptions options, Function<String, String> env, PrintWriter err, InputStream in, OutputStream out)
      throws InterruptedException {
    return run(options, env, err, in, out, () -> {});
  }

  static int run(LaunchOptions options, Function<String, String> env, PrintWriter err, InputStream in, OutputStream out,
      Runnable beforeStdio) throws InterruptedException {
    if (options.httpPort().isPresent() && (options.httpPort().get() < 0 || options.httpPort().get() > 65535)) {
      // like `ddbm local --port`: a port that cannot be bound (out of range or in use) exits 3
      err.println("ddbm mcp: --http port must be 0-65535, got " + options.httpPort().get());
      return ENVIRONMENT;
    }
    boolean readOnly;
    try {
      boolean fromEnv = ServerConfig.parseSwitch(ServerConfig.READ_ONLY_ENV, env.apply(ServerConfig.READ_ONLY_ENV)).orElse(false);
      // the name in the reference server's install badge: honoured too, since it can only restrict
      boolean fromReferenceEnv = ServerConfig.parseSwitch(ServerConfig.REFERENCE_READ_ONLY_ENV, env.apply(ServerConfig.REFERENCE_READ_ONLY_ENV)).orElse(false);
      readOnly = options.readOnly() || fromEnv || fromReferenceEnv;
    } catch (IllegalArgumentException e) {
      err.println("ddbm mcp: refusing to start: " + e.getMessage());
      return USAGE;
    }
    Path workspace = options.workspace().orElse(Path.of("")).toAbsolutePath().normalize();
    if (!Files.isDirectory(workspace)) {
      err.println("ddbm mcp: refusing to start: --workspace " + workspace + " is not an existing folder");
      return USAGE;
    }
    ServerConfig config = new ServerConfig(readOnly, Version.current(), workspace);
    if (options.httpPort().isEmpty()) {
      if (options.authTokenEnv().isPresent() || !options.allowedHosts().isEmpty() || !options.allowedOrigins().isEmpty()) {
        err.println("ddbm mcp: --auth-token-env, --allowed-origin and --allowed-host apply to HTTP mode only (add --http PORT)");
        return USAGE;
      }
      beforeStdio.run();
      runStdio(DdbModelMcpServer.standard(config), in, out);
      return OK;
    }
    Optional<String> token = Optional.empty();
    if (options.authTokenEnv().isPresent()) {
      String var = options.authTokenEnv().get();
      String value = env.apply(var);
      if (value == null || value.isBlank()) {
        err.println("ddbm mcp: refusing to start: --auth-token-env names `" + var + "`, which is not set or empty");
        return USAGE;
      }
      token = Optional.of(value.strip());
    }
    String host = options.host();
    boolean loopback;
    try {
      loopback = !HttpSecurity.isWildcard(host) && HttpSecurity.isLoopback(host);
    } catch (UnknownHostException e) {
      err.println("ddbm mcp: cannot resolve --host `" + host + "`");
      return ENVIRONMENT;
    }
    if (!loopback && token.isEmpty()) {
      err.println("ddbm mcp: refusing to listen on " + host + " without authentication: other machines could call every tool."
          + " Put a secret in an environment variable and pass --auth-token-env VAR (clients send Authorization: Bearer <secret>),"
          + " or bind to 127.0.0.1.");
      return USAGE;
    }
    HttpSecurity security = HttpSecurity.forBind(host, options.allowedOrigins(), options.allowedHosts(), token);
    HttpMcpServer http;
    try {
      http = HttpMcpServer.start(DdbModelMcpServer.standard(config), host, options.httpPort().get(), security);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      err.println("ddbm mcp: cannot listen on " + host + ":" + options.httpPort().get() + ": "
          + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
      return ENVIRONMENT;
    }
    try (http) {
      err.println("ddbm MCP server listening on " + http.endpoint()
          + (token.isPresent() ? " (bearer token required)" : "") + (readOnly ? " (read-only)" : ""));
      if (!loopback) {
        err.println("ddbm mcp: warning: reachable from other machines; every request must carry the token");
      }
      http.join();
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      err.println("ddbm mcp: " + e.getMessage());
      return ENVIRONMENT;
    }
    return OK;
  }

  /** How long the server keeps answering after end of input. */
  private static final long ANSWER_WAIT_MILLIS = 10 * 60 * 1000L;

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
                // Requests read just before end of input (`printf ... | ddbm mcp`) are answered
                // before the server stops. This thread waits for them: it is the pipe's writer,
                // and the SDK's reader fails ("pipe broken") once the writing thread has ended.
                try {
                  if (!sdkGone && !lines.awaitAnswers(ANSWER_WAIT_MILLIS)) {
                    System.err.println("ddbm mcp: end of input; stopping with requests unanswered after " + ANSWER_WAIT_MILLIS / 1000 + " s");
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
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
      running.closeGracefully(); // answers already in progress are still written
      running.close();
    }
  }
}
