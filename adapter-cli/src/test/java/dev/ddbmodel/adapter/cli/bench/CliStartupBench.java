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
 * <p>Two floors are measured in the same run: a one-command picocli program and a one-tool MCP Java
 * SDK stdio server, each with a class-data archive of its own and the same JVM options. They show how
 * much of each figure is the framework's own start-up, which no change to ddbm can remove, and how
 * much ddbm adds on top.
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
    List<String> jvmOptions = jvmOptions(mcpCmd);
    List<String> picocliFloor = floorProgram(java, jvmOptions, "PicocliFloor", PICOCLI_FLOOR, picocliJar(), schema.toString());
    List<String> mcpFloor = floorProgram(java, jvmOptions, "McpFloor", MCP_FLOOR, mcpJar.toString());
    time(picocliFloor);
    mcp(mcpFloor);
    double[] h = new double[runs];
    double[] floorCli = new double[runs];
    double[] floorMcp = new double[runs];
    double[] cli = new double[runs];
    double[] server = new double[runs];
    double[] viaLauncher = new double[runs];
    for (int i = 0; i < runs; i++) {
      h[i] = time(List.of(java, "-cp", hello.toString(), "Hello"));
      cli[i] = time(List.of(launcher.toString(), "schema", "validate", schema.toString()));
      server[i] = mcp(mcpCmd);
      viaLauncher[i] = mcp(List.of(launcher.toString(), "mcp"));
      floorCli[i] = time(picocliFloor);
      floorMcp[i] = mcp(mcpFloor);
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
    System.out.println("  framework floors (same JVM options, own class-data archive):");
    floor("one-command picocli program", median(floorCli), hello0, median(cli));
    floor("one-tool MCP Java SDK server -> tools/list", median(floorMcp), hello0, median(server));
  }

  private static void floor(String name, double ms, double hello, double ddbm) {
    System.out.printf(Locale.ROOT, "  %-44s %7.0f ms  %.2fx  (ddbm is %.2fx this floor)%n", name, ms, ms / hello, ddbm / ms);
  }

  /** The floor programs: what the framework alone costs to start, with nothing of ddbm. */
  private static final String PICOCLI_FLOOR = String.join("\n",
      "import java.nio.file.Path;",
      "import picocli.CommandLine;",
      "@CommandLine.Command(name = \"floor\", mixinStandardHelpOptions = true, description = \"One command, one option.\")",
      "public class PicocliFloor implements java.util.concurrent.Callable<Integer> {",
      "  @CommandLine.Parameters(paramLabel = \"FILE\", description = \"a file\") Path file;",
      "  @CommandLine.Option(names = \"--json\", description = \"JSON output\") boolean json;",
      "  public Integer call() { System.out.println(file.getFileName()); return 0; }",
      "  public static void main(String[] a) { System.exit(new CommandLine(new PicocliFloor()).execute(a)); }",
      "}");

  private static final String MCP_FLOOR = String.join("\n",
      "import io.modelcontextprotocol.server.McpServer;",
      "import io.modelcontextprotocol.server.McpServerFeatures;",
      "import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;",
      "import io.modelcontextprotocol.spec.McpSchema;",
      "public class McpFloor {",
      "  public static void main(String[] a) throws Exception {",
      "    McpSchema.Tool tool = McpSchema.Tool.builder().name(\"hello\").description(\"Says hello.\")",
      "        .inputSchema(new McpSchema.JsonSchema(\"object\", java.util.Map.of(), java.util.List.of(), false, null, null)).build();",
      "    java.io.InputStream in = new java.io.FilterInputStream(System.in) {", // ends the process at the end of its input
      "      @Override public int read(byte[] b, int off, int len) throws java.io.IOException {",
      "        int n = super.read(b, off, len); if (n < 0) { System.exit(0); } return n; }",
      "    };",
      "    McpServer.sync(new StdioServerTransportProvider(io.modelcontextprotocol.json.McpJsonDefaults.getMapper(), in, System.out))",
      // no schema validator, as ddbm creates its own only on first use: the floor does no more than ddbm must
      "        .jsonSchemaValidator((schema, content) -> io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse.asValid(null))",
      "        .validateToolInputs(false)",
      "        .serverInfo(\"floor\", \"1\").capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())",
      "        .tools(McpServerFeatures.SyncToolSpecification.builder().tool(tool)",
      "            .callHandler((ex, req) -> McpSchema.CallToolResult.builder().addTextContent(\"hello\").build()).build())",
      "        .build();",
      "    Thread.currentThread().join();",
      "  }",
      "}");

  /** The JVM options of the configured server command, without its archive (each floor has its own). */
  private static List<String> jvmOptions(List<String> serverCmd) {
    List<String> options = new ArrayList<>();
    for (String a : serverCmd.subList(1, serverCmd.size())) {
      if (a.equals("-jar") || !a.startsWith("-")) {
        break;
      }
      if (!a.startsWith("-XX:SharedArchiveFile=") && !a.startsWith("-XX:AOTCache=")) {
        options.add(a);
      }
    }
    return options;
  }

  private static String picocliJar() {
    for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (Path.of(e).getFileName().toString().matches("picocli-[0-9.]+\\.jar")) {
        return e;
      }
    }
    throw new IllegalStateException("picocli jar not on the bench class path");
  }

  /**
   * Compiles {@code source} against {@code classPath} into a jar (a class-data archive takes no
   * class directories), records the program's archive with one run, and returns the command that
   * starts it with that archive.
   */
  private static List<String> floorProgram(String javaBin, List<String> options, String name, String source, String classPath, String... args)
      throws Exception {
    Path dir = Files.createTempDirectory("floor");
    Path src = dir.resolve(name + ".java");
    Files.writeString(src, source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    if (ToolProvider.getSystemJavaCompiler().run(null, null, null, "-nowarn", "-cp", classPath, "-d", classes.toString(), src.toString()) != 0) {
      throw new IllegalStateException("javac failed for " + name);
    }
    Path jar = dir.resolve(name + ".jar");
    try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        java.util.stream.Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(f));
        out.closeEntry();
      }
    }
    String cp = jar + java.io.File.pathSeparator + classPath;
    Path archive = dir.resolve(name + ".jsa");
    List<String> record = new ArrayList<>(List.of(javaBin));
    record.addAll(options);
    record.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-cp", cp, name));
    record.addAll(List.of(args));
    if (name.equals("McpFloor")) {
      mcp(record); // the archive is written when the server exits on the end of its input
    } else {
      time(record);
    }
    List<String> cmd = new ArrayList<>(List.of(javaBin));
    cmd.addAll(options);
    if (Files.isRegularFile(archive)) {
      cmd.add("-XX:SharedArchiveFile=" + archive);
    }
    cmd.addAll(List.of("-cp", cp, name));
    cmd.addAll(List.of(args));
    return cmd;
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
