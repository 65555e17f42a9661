package dev.ddbmodel.codegen.internal.typescript;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/**
 * A generated TypeScript project made runnable: its pinned dependencies installed once per
 * package.json content under target/ts-dal-cache (linked in), then compiled with its own tsc.
 */
public final class TsProject {
  private TsProject() {}

  /** Installs (cached) and compiles the project in {@code out}; tsc must report no error. */
  public static void build(Path out) throws Exception {
    byte[] pkg = Files.readAllBytes(out.resolve("package.json"));
    String key = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pkg)).substring(0, 16);
    Path cache = Path.of("target/ts-dal-cache", key).toAbsolutePath();
    synchronized (TsProject.class) {
      if (!Files.isDirectory(cache.resolve("node_modules"))) {
        Files.createDirectories(cache);
        Files.write(cache.resolve("package.json"), pkg);
        run(cache, 600, "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
      }
    }
    Files.createSymbolicLink(out.resolve("node_modules"), cache.resolve("node_modules"));
    run(out, 300, "node", "node_modules/typescript/bin/tsc", "-p", ".");
  }

  /** Runs a command in {@code dir}; it must exit 0. Returns its standard output. */
  public static String run(Path dir, int seconds, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(cmd)).directory(dir.toFile());
    pb.environment().put("npm_config_update_notifier", "false");
    var r = dev.ddbmodel.core.process.ExternalProcess.run(pb, java.time.Duration.ofSeconds(seconds));
    assertThat(r.succeeded()).as(r.describe()).isTrue();
    return r.stdout();
  }
}
