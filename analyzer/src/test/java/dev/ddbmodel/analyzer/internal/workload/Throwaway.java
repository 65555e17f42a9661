package dev.ddbmodel.analyzer.internal.workload;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Database servers started from the installed binaries on a free loopback port, for one test class. */
final class Throwaway implements AutoCloseable {
  final int port;
  final Path dir;
  private final List<String> stop;
  private final Process process;

  private Throwaway(int port, Path dir, List<String> stop, Process process) {
    this.port = port;
    this.dir = dir;
    this.stop = stop;
    this.process = process;
  }

  static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static String exec(List<String> cmd, int seconds) throws Exception {
    dev.ddbmodel.core.process.ProcessResult r = dev.ddbmodel.core.process.ExternalProcess.run(new ProcessBuilder(cmd).redirectErrorStream(true), java.time.Duration.ofSeconds(seconds));
    if (!r.succeeded()) {
      throw new IllegalStateException(r.describe());
    }
    return r.stdout();
  }

  /**
   * The account a throwaway PostgreSQL runs as when the tests run as root (initdb refuses root):
   * {@code postgres} when the machine has that account, else {@code nobody} (a container whose
   * passwd has no postgres entry; initdb needs a name it can look up).
   */
  static String pgUser() {
    try {
      exec(List.of("id", "-u", "postgres"), 10);
      return "postgres";
    } catch (Exception e) {
      return "nobody";
    }
  }

  private static List<String> asPostgres(String... cmd) {
    List<String> c = new ArrayList<>();
    if (root()) {
      c.addAll(List.of("runuser", "-u", pgUser(), "--"));
    }
    c.addAll(List.of(cmd));
    return c;
  }

  /** PostgreSQL 15 with pg_stat_statements preloaded. */
  static Throwaway postgres() throws Exception {
    String bin = "/usr/lib/postgresql/15/bin/";
    if (!Files.exists(Path.of(bin, "initdb"))) {
      throw new IllegalStateException("PostgreSQL binaries not found in " + bin + " (install postgresql-15)");
    }
    Path dir = Files.createTempDirectory("ddbm-pg");
    if (root()) {
      exec(List.of("chown", "-R", pgUser(), dir.toString()), 10);
    }
    int port = freePort();
    exec(asPostgres(bin + "initdb", "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"), 120);
    exec(asPostgres(bin + "pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w", "-o",
        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements -c fsync=off", "start"), 120);
    return new Throwaway(port, dir, asPostgres(bin + "pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop"), null);
  }

  /** MariaDB with performance_schema on. */
  static Throwaway mariadb() throws Exception {
    if (!Files.exists(Path.of("/usr/sbin/mariadbd"))) {
      throw new IllegalStateException("mariadbd not found (install mariadb-server)");
    }
    Path dir = Files.createTempDirectory("ddbm-maria");
    int port = freePort();
    String user = root() ? "root" : System.getProperty("user.name");
    exec(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + dir.resolve("data"), "--user=" + user, "--skip-test-db",
        "--auth-root-authentication-method=normal"), 180);
    Process p = new ProcessBuilder("/usr/sbin/mariadbd", "--no-defaults", "--datadir=" + dir.resolve("data"), "--port=" + port,
        "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"), "--performance-schema=ON", "--user=" + user,
        "--skip-log-bin", "--innodb-flush-log-at-trx-commit=0", "--pid-file=" + dir.resolve("mysqld.pid"))
        .redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
    for (int i = 0; i < 120; i++) {
      try (var s = new java.net.Socket("127.0.0.1", port)) {
        return new Throwaway(port, dir, List.of(), p);
      } catch (IOException e) {
        Thread.sleep(250);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("mariadbd did not start:\n" + Files.readString(dir.resolve("log")));
  }

  @Override
  public void close() throws Exception {
    try {
      if (!stop.isEmpty()) {
        exec(stop, 60);
      }
      if (process != null) {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    } finally {
      dev.ddbmodel.core.io.AtomicFiles.deleteRecursively(dir);
    }
  }
}
