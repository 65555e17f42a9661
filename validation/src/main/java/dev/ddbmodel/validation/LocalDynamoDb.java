package dev.ddbmodel.validation;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.DiagnosticException;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.io.IoMessages;
import java.util.List;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DDBExceptionMappingInvocationHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import software.amazon.dynamodb.services.local.shared.access.LocalDBClient;
import software.amazon.dynamodb.services.local.shared.access.sqlite.SQLiteDBAccess;
import software.amazon.dynamodb.services.local.shared.jobs.JobsRegister;

/**
 * DynamoDB Local running inside this JVM, in memory. The only class that touches DynamoDB Local
 * (its Java package changes between major versions).
 *
 * <ul>
 *   <li>{@link #embedded()}: no network at all; the engine is assembled directly, so no
 *       telemetry is sent and its worker threads are daemons (a forgotten close cannot hang the
 *       JVM).
 *   <li>{@link #server()}: an HTTP endpoint on a free loopback port, for tools outside the JVM
 *       (generated Python code, the AWS CLI); assembled without DynamoDB Local's command-line runner, so no banner and no telemetry, and
 *       listening on 127.0.0.1 only.
 * </ul>
 *
 * Neither mode writes to {@code System.out}. Always close it (try-with-resources).
 */
public final class LocalDynamoDb implements AutoCloseable {
  /** Region and dummy credentials used for every client of a local instance. */
  public static final Region REGION = Region.US_EAST_1;

  private final DynamoDbClient client;
  private final LocalDBClient engine;
  private final ExecutorService jobs;
  private final DynamoDBProxyServer server;
  private final URI endpoint;

  private LocalDynamoDb(
      DynamoDbClient client,
      LocalDBClient engine,
      ExecutorService jobs,
      DynamoDBProxyServer server,
      URI endpoint) {
    this.client = client;
    this.engine = engine;
    this.jobs = jobs;
    this.server = server;
    this.endpoint = endpoint;
  }

  /** Starts an in-memory engine with an in-process client (no sockets). */
  public static LocalDynamoDb embedded() {
    // thread names tell instances apart without a global counter (no static mutable state)
    String n = Integer.toHexString(System.identityHashCode(new Object()));
    ThreadFactory daemons =
        r -> {
          Thread t = new Thread(r, "ddb-local-" + n);
          t.setDaemon(true);
          return t;
        };
    ExecutorService pool = Executors.newFixedThreadPool(4, daemons);
    LocalDBClient engine = new LocalDBClient(new SQLiteDBAccess(), new JobsRegister(pool, false));
    InvocationHandler handler = exceptionMappingHandler(engine);
    DynamoDbClient client =
        (DynamoDbClient)
            Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(),
                new Class<?>[] {DynamoDbClient.class},
                handler);
    return new LocalDynamoDb(client, engine, pool, null, null);
  }

  /** Starts an in-memory HTTP server on a free port of 127.0.0.1. */
  public static LocalDynamoDb server() {
    return server(0);
  }

  /** Starts an in-memory HTTP server on 127.0.0.1 at {@code port} (0 = a free port). */
  public static LocalDynamoDb server(int requestedPort) {
    if (requestedPort < 0 || requestedPort > 65535) {
      throw new DiagnosticException(List.of(Diagnostic.environment("Local.Port", "port " + requestedPort + " is out of range",
          SourceLocation.NONE, "use a port from 1 to 65535, or 0 for any free port")));
    }
    int port = requestedPort == 0 ? freePort() : requestedPort;
    DynamoDBProxyServer s;
    try {
      // Assembled from its parts instead of ServerRunner: no configuration banner on stdout, no
      // telemetry set-up, one shared in-memory database whatever the credentials.
      s = new DynamoDBProxyServer(port, new LocalDynamoDBServerHandler(new LocalDynamoDBRequestHandler(0, true, null, true, false), null));
      bindToLoopback(s);
      s.start();
    } catch (Exception e) {
      throw new DiagnosticException(List.of(Diagnostic.environment("Local.Port", "DynamoDB Local cannot listen on 127.0.0.1:" + port + ": "
          + IoMessages.cause(e), SourceLocation.NONE, "the port is probably in use: pass another --port, or 0 for any free port")));
    }
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    return new LocalDynamoDb(clientFor(endpoint), null, null, s, endpoint);
  }

  /** A client for any DynamoDB-compatible endpoint with dummy credentials. */
  public static DynamoDbClient clientFor(URI endpoint) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(REGION)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .build();
  }

  /** The client bound to this instance. */
  public DynamoDbClient client() {
    return client;
  }

  /** The HTTP endpoint in server mode. */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      if (engine != null) {
        engine.shutdown();
        jobs.shutdownNow();
        try {
          jobs.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (server != null) {
        try {
          server.stop();
        } catch (Exception e) {
          throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
      }
    }
  }

  /**
   * DynamoDB Local's own handler that turns engine exceptions into SDK exceptions; its
   * constructor is package-private, so it is reached reflectively (classpath, unnamed module).
   */
  private static InvocationHandler exceptionMappingHandler(LocalDBClient engine) {
    try {
      Constructor<DDBExceptionMappingInvocationHandler> c =
          DDBExceptionMappingInvocationHandler.class.getDeclaredConstructor(LocalDBClient.class);
      c.setAccessible(true);
      return c.newInstance(engine);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("unsupported DynamoDB Local version", e);
    }
  }

  /** Restricts the server's listener to 127.0.0.1 (DynamoDB Local would listen on every interface). */
  private static void bindToLoopback(DynamoDBProxyServer s) throws ReflectiveOperationException {
    java.lang.reflect.Field f = DynamoDBProxyServer.class.getDeclaredField("server");
    f.setAccessible(true);
    org.eclipse.jetty.server.Server jetty = (org.eclipse.jetty.server.Server) f.get(s);
    for (org.eclipse.jetty.server.Connector c : jetty.getConnectors()) {
      if (c instanceof org.eclipse.jetty.server.ServerConnector sc) {
        sc.setHost("127.0.0.1");
      }
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }
}
