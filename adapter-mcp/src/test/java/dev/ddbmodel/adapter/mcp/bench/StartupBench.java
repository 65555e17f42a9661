package dev.ddbmodel.adapter.mcp.bench;

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
 * Cold start of the MCP server jar: process spawn to the {@code initialize} reply and to the
 * {@code tools/list} reply, against a bare JVM printing hello world, all measured in one run.
 * Usage: {@code StartupBench <ddbm.jar> [runs]}: the server is {@code java -jar ddbm.jar mcp} (the class-data archive {@code ddbm.jsa} the launcher records is looked up
 * beside the jar).
 */
public final class StartupBench {
  private StartupBench() {}

  public static void main(String[] args) throws Exception {
    Path jar = Path.of(args.length > 0 ? args[0] : "adapter-cli/target/ddbm.jar").toAbsolutePath();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path jsa = jar.resolveSibling("ddbm.jsa");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path hello = helloWorld();

    double helloMs = median(runs, () -> timeHello(java, hello));
    List<String> quiet = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");
    double[] plain = mcp(runs, java, jar, quiet);
    List<String> c1 = new ArrayList<>(quiet);
    c1.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    double[] tiered = mcp(runs, java, jar, c1);
    double[] cds = null;
    if (Files.exists(jsa)) {
      List<String> withCds = new ArrayList<>(c1);
      withCds.add("-XX:SharedArchiveFile=" + jsa);
      cds = mcp(runs, java, jar, withCds);
    }
    System.out.printf(Locale.ROOT, "MCP cold start (median of %d runs, JDK %s)%n", runs, System.getProperty("java.version"));
    System.out.printf(Locale.ROOT, "  bare JVM hello world:                 %7.0f ms (ratio 1.00)%n", helloMs);
    row("plain jar", plain, helloMs);
    row("jar + C1 only + SerialGC", tiered, helloMs);
    if (cds != null) {
      row("jar + C1 + AppCDS archive", cds, helloMs);
    }
  }

  private static void row(String name, double[] ms, double hello) {
    System.out.printf(Locale.ROOT, "  %-26s initialize %6.0f ms (%.2fx)  tools/list %6.0f ms (%.2fx)%n",
        name, ms[0], ms[0] / hello, ms[1], ms[1] / hello);
  }

  interface Sample {
    double run() throws Exception;
  }

  private static double median(int runs, Sample s) throws Exception {
    double[] v = new double[runs];
    for (int i = 0; i < runs; i++) {
      v[i] = s.run();
    }
    Arrays.sort(v);
    return v[runs / 2];
  }

  private static double[] mcp(int runs, String java, Path jar, List<String> opts) throws Exception {
    double[] init = new double[runs];
    double[] list = new double[runs];
    for (int i = 0; i < runs; i++) {
      double[] r = oneStart(java, jar, opts);
      init[i] = r[0];
      list[i] = r[1];
    }
    Arrays.sort(init);
    Arrays.sort(list);
    return new double[] {init[runs / 2], list[runs / 2]};
  }

  private static double[] oneStart(String java, Path jar, List<String> opts) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(java));
    cmd.addAll(opts);
    cmd.addAll(List.of("-jar", jar.toString(), "mcp"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("DDB_LOCAL_TELEMETRY", "0");
    long t0 = System.nanoTime();
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      in.write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      String l = out.readLine();
      double initMs = (System.nanoTime() - t0) / 1e6;
      if (l == null || !l.contains("\"id\":1")) {
        throw new IllegalStateException("unexpected reply: " + l);
      }
      in.write(("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      l = out.readLine();
      double listMs = (System.nanoTime() - t0) / 1e6;
      if (l == null || !l.contains("\"id\":2")) {
        throw new IllegalStateException("unexpected reply: " + l);
      }
      in.close();
      p.waitFor();
      return new double[] {initMs, listMs};
    } finally {
      p.destroyForcibly();
    }
  }

  private static double timeHello(String java, Path dir) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(java, "-cp", dir.toString(), "Hello").redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    p.waitFor();
    return (System.nanoTime() - t0) / 1e6;
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
