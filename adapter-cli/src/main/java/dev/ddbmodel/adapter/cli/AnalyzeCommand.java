package dev.ddbmodel.adapter.cli;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.AnalyzerResult;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddbm analyze queries|parse|connect}: source database analysis (the MCP tool's parameters as options). */
@Command(name = "analyze", description = "Analyze a source relational database (MySQL/MariaDB, PostgreSQL, SQL Server, Oracle).",
    subcommands = {AnalyzeCommand.Queries.class, AnalyzeCommand.Parse.class, AnalyzeCommand.Connect.class})
final class AnalyzeCommand {

  /** Options every analyze subcommand takes. */
  static class Common {
    @Option(names = "--db", required = true, description = "mysql, postgresql, sqlserver or oracle")
    String db;

    @Option(names = "--database", required = true, description = "Database name (schema owner for Oracle).")
    String database;

    @Option(names = "--output-dir", defaultValue = ".", description = "Folder for the files (default: current folder).")
    Path outputDir;

    @Option(names = "--days", defaultValue = "30", description = "Pattern analysis window in days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--max-results", defaultValue = "500", description = "Maximum rows per query (default: ${DEFAULT-VALUE}).")
    int max;
  }

  @SuppressWarnings("deprecation") // `problems`: the message list of earlier releases, kept next to `diagnostics` for scripts
  static int finish(CommandSpec spec, OutputOptions output, Validated<AnalyzerResult> r) {
    var o = spec.commandLine().getOut();
    Style style = new Style(spec.commandLine().getColorScheme().ansi());
    if (!r.isValid()) {
      // the analyzer sets each diagnostic's kind (usage 2, environment 3)
      return Diagnostics.fail(spec, r.diagnostics(), output.json());
    }
    AnalyzerResult a = r.unwrap();
    o.print(output.json() ? Json.pretty(Map.of("kind", a.kind(), "path", a.path().toString(), "files", a.files(), "problems", a.problems(),
        "diagnostics", a.diagnostics().stream().map(dev.ddbmodel.core.Diagnostic::toMap).toList(), "partial", a.partial())) : a.toText());
    // partial results are written, and the exit says they are incomplete
    return a.partial() ? ExitCodes.ENVIRONMENT : ExitCodes.OK;
  }

  /** Step 1 of self-service: write the SQL file. */
  @Command(name = "queries", description = "Write the analysis SQL for your own client (self-service step 1).")
  static final class Queries extends Common implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "SQL file to write (inside --output-dir).")
    Path file;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      return finish(spec, output, SourceDbAnalyzer.run(AnalyzerRequest.builder(db, outputDir.toAbsolutePath()).identifier(database)
          .queriesFile(file.toAbsolutePath()).days(days).maxResults(max).build()));
    }
  }

  /** Step 2 of self-service: read the client's output. */
  @Command(name = "parse", description = "Read the output of the SQL file and write the analysis (self-service step 2).")
  static final class Parse extends Common implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--results", required = true, paramLabel = "FILE", description = "Saved client output (inside --output-dir).")
    Path results;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      return finish(spec, output, SourceDbAnalyzer.run(AnalyzerRequest.builder(db, outputDir.toAbsolutePath()).identifier(database)
          .resultFile(results.toAbsolutePath()).days(days).maxResults(max).build()));
    }
  }

  /** Managed mode: connect read-only. */
  @Command(name = "connect", description = "Connect read-only and write the analysis (managed mode).")
  static final class Connect extends Common implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--host", description = "Database host.")
    String host;

    @Option(names = "--port", description = "Port (default: the database's standard port).")
    Integer port;

    @Option(names = "--user", description = "User name (or use --secret-arn).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the password (never pass it on the command line).")
    String passwordEnv;

    @Option(names = "--secret-arn", description = "Secrets Manager secret with username, password and host.")
    String secretArn;

    @Option(names = "--region", description = "AWS region of the secret (and of the cluster).")
    String region;

    @Option(names = "--cluster-arn", description = "Aurora cluster ARN: connect through the RDS Data API with --secret-arn instead of --host.")
    String clusterArn;

    @Option(names = "--no-profile", description = "Skip the data profile (profile.md: children per parent, key skew, sizes, reads vs writes; PostgreSQL and MySQL/MariaDB).")
    boolean noProfile;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      String password = passwordEnv == null ? "" : System.getenv(passwordEnv);
      return finish(spec, output, SourceDbAnalyzer.run(AnalyzerRequest.builder(db, outputDir.toAbsolutePath()).identifier(database).mode("managed")
          .host(host).port(port).credentials(user, password).secretArn(secretArn).region(region).clusterArn(clusterArn).days(days).maxResults(max).profile(!noProfile).build()));
    }
  }
}
