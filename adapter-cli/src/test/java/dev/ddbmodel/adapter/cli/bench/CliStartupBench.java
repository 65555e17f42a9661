package dev.ddbmodel.adapter.cli.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.tools.ToolProvider;

/**
 * The start-up goals of issue 22 as ratios against a bare JVM printing hello, measured in one run
 * with the samples interleaved (hello, ddbm, MCP, hello, ...) so load on a shared machine hits
 * every series alike:
 *
 * <ul>
 *   <li>{@code ./ddbm schema validate} of a small schema, through the launcher (its checks
 *       included): goal at most 1.5x;
 *   <li>the MCP server, process start to the {@code tools/list} reply after {@code initialize}:
 *       goal at most 3x, for the jar with its class-data archive (the documented client
 *       configuration) and through {@code ./ddbm mcp}.
 * </ul>
 *
 * Usage: {@code CliStartupBench <ddbm launcher> <schema.json> <ddbm.jar> [runs]}.
 */
public final class CliStartupBench {
  private CliStartupBench() {}

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]).toAbsolutePath();
    Path schema = Path.of(args[1]).toAbsolutePath();
    Path mcpJar = Path.of(args[2]).toAbsolutePath();
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 7;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path hello = helloWorld();
    // warm-up: the launcher builds or records its cache on a first start; the OS caches the jars
    time(List.of(launcher.toString(), "schema", "validate", schema.toString()));
    mcp(List.of(launcher.toString(), "mcp"));
    // the server exactly as `ddbm mcp config` tells a client to start it (archive, JVM options, -jar)
    List<String> mcpCmd = configuredServer(java, mcpJar);
    double[] h = new double[runs];
    double[] cli = new double[runs];
    double[] server = new double[runs];
    double[] viaLauncher = new double[runs];
    for (int i = 0; i < runs; i++) {
      h[i] = time(List.of(java, "-cp", hello.toString(), "Hello"));
      cli[i] = time(List.of(launcher.toString(), "schema", "validate", schema.toString()));
      server[i] = mcp(mcpCmd);
      viaLauncher[i] = mcp(List.of(launcher.toString(), "mcp"));
    }
    double hello0 = median(h);
    System.out.printf(Locale.ROOT, "Start-up against a bare JVM printing hello (median of %d interleaved runs, JDK %s)%n", runs,
        System.getProperty("java.version"));
    System.out.printf(Locale.ROOT, "  %-44s %7.0f ms  1.00x%n", "bare JVM hello world", hello0);
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(mcpJar.toFile())) {
      long classes = z.stream().filter(e -> e.getName().endsWith(".class")).count();
      System.out.printf(Locale.ROOT, "  %-44s %7.1f MB, %d classes (limit 40 MB)%n", mcpJar.getFileName(), Files.size(mcpJar) / 1e6, classes);
    }
    if (Files.isReadable(Path.of("/proc/loadavg"))) {
      System.out.printf(Locale.ROOT, "  load average %s%n", Files.readString(Path.of("/proc/loadavg")).strip());
    }
    row("ddbm schema validate (launcher)", median(cli), hello0, 1.5);
    row("MCP initialize -> tools/list (mcp config)", median(server), hello0, 3.0);
    row("MCP initialize -> tools/list (ddbm mcp)", median(viaLauncher), hello0, 3.0);
  }

  private static void row(String name, double ms, double hello, double goal) {
    double ratio = ms / hello;
    System.out.printf(Locale.ROOT, "  %-44s %7.0f ms  %.2fx  (goal <= %.1fx: %s)%n", name, ms, ratio, goal, ratio <= goal ? "met" : "NOT met");
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static double time(List<String> cmd) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    int code = p.waitFor();
    if (code != 0) {
      throw new IllegalStateException(cmd + " exited " + code);
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  /** Process start to the tools/list reply. */
  private static double mcp(List<String> cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("DDB_LOCAL_TELEMETRY", "0");
    long t0 = System.nanoTime();
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      expect(out.readLine(), "\"id\":1");
      in.write(("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n")
          .getBytes(StandardCharsets.UTF_8));
      in.flush();
      expect(out.readLine(), "\"id\":2");
      double ms = (System.nanoTime() - t0) / 1e6;
      in.close();
      p.waitFor();
      return ms;
    } finally {
      p.destroyForcibly();
    }
  }

  private static void expect(String line, String id) {
    if (line == null || !line.contains(id)) {
      throw new IllegalStateException("unexpected reply: " + line);
    }
  }

  private static List<String> configuredServer(String java, Path jar) throws Exception {
    Process p = new ProcessBuilder(java, "-cp", jar.toString(), "dev.ddbmodel.adapter.cli.CliMain", "mcp", "config", "--client", "claude")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("ddbm mcp config failed: " + out);
    }
    com.fasterxml.jackson.databind.JsonNode server = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out)
        .path("mcpServers").elements().next();
    List<String> cmd = new ArrayList<>(List.of(java));
    server.path("args").forEach(a -> cmd.add(a.asText()));
    return cmd;
  }

  private static Path helloWorld() throws Exception {
    Path dir = Files.createTempDirectory("hello");
    Path src = dir.resolve("Hello.java");
    Files.writeString(src, "public class Hello { public static void main(String[] a) { System.out.println(\"hello world\"); } }");
    if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), src.toString()) != 0) {
      throw new IllegalStateException("javac failed");
    }
    return dir;
  }
}
