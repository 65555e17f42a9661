package dev.ddbmodel.adapter.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The runs the launcher records the class-data archive (or, on Java 24+, the ahead-of-time cache)
 * of {@code ddbm} from: the short commands whose start-up dominates them ({@code --help},
 * {@code schema validate}, {@code guide}) on a bundled example, and an MCP session. Not used at
 * run time.
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("ddbm-training");
    try {
      for (String f : new String[] {"schema.json", "usage_data.json", "cost_input.json", "dynamodb_data_model.json"}) {
        try (InputStream in = CdsTraining.class.getResourceAsStream("/dev/ddbmodel/adapter/cli/examples/ecommerce/" + f)) {
          if (in != null) {
            Files.copy(in, dir.resolve(f));
          }
        }
      }
      run("--help");
      run("schema", "validate", dir.resolve("schema.json").toString());
      run("schema", "validate", dir.resolve("schema.json").toString(), "--format", "json");
      run("schema", "validate", dir.resolve("missing.json").toString());
      run("guide");
      run("cost", dir.resolve("cost_input.json").toString());
      // the MCP server's start (ddbm mcp uses this archive too)
      dev.ddbmodel.adapter.mcp.CdsTraining.main(new String[0]);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(String... args) {
    StringWriter sink = new StringWriter();
    CliMain.execute(args, new PrintWriter(sink), new PrintWriter(sink));
  }
}
