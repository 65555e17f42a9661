package dev.ddbmodel.adapter.mcp.tools;

import dev.ddbmodel.adapter.mcp.Arguments;
import dev.ddbmodel.adapter.mcp.ToolBinding;
import dev.ddbmodel.adapter.mcp.ToolResult;
import dev.ddbmodel.adapter.mcp.ToolSpec;
import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.AnalyzerResult;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
import dev.ddbmodel.core.Validated;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@code source_db_analyzer}: self-service (write SQL, read results) or managed (read-only connection). */
public final class SourceDbAnalyzerTool implements ToolBinding {
  private final Function<String, String> env;

  public SourceDbAnalyzerTool() {
    this(System::getenv);
  }

  /** With an explicit environment (tests). */
  public SourceDbAnalyzerTool(Function<String, String> env) {
    this.env = env;
  }

  @Override
  public ToolSpec spec() {
    return new ToolSpec("source_db_analyzer", "Analyze a source relational database",
        "Analyzes MySQL/MariaDB, PostgreSQL, SQL Server or Oracle to start a DynamoDB migration: tables, columns, indexes, foreign keys,"
            + " sizes and the most frequent query patterns with their request rates over pattern_analysis_days. self_service (default):"
            + " call with queries_file_path to get a SQL file the user runs with their own client, then with query_result_file_path to"
            + " read the output. managed: connects read-only (secret from aws_secret_arn + aws_region, host must match, or hostname), or through"
            + " the RDS Data API when aws_cluster_arn is given."
            + " Writes: a new database_analysis_<timestamp>/ (with a _2, _3 suffix when that exists) with manifest.md and analysis.json (the whole analysis as one JSON document with a JSON Schema) into"
            + " output_dir; queries_file_path is written only when absent or an earlier query file of ddbm (a file of the"
            + " user's is never replaced)."
            + " Before the first call, ask the user which execution mode they want: self_service needs no credentials (they run the"
            + " SQL themselves and share the output file), managed needs a reachable MySQL and a Secrets Manager secret. Recommend a"
            + " non-production instance. After the analysis, read manifest.md and every file it lists, then design with"
            + " dynamodb_data_modeling. Not needed when the user starts a new application without a database.",
        "/dev/ddbmodel/adapter/mcp/tools/source_db_analyzer.input.json", false, false, false, true);
  }

  private Optional<String> arg(Arguments a, String name, String envVar) {
    return a.optionalString(name).or(() -> Optional.ofNullable(envVar == null ? null : env.apply(envVar)).filter(s -> !s.isBlank()));
  }

  @Override
  public ToolResult call(Arguments a) {
    Path out = a.directory("output_dir");
    AnalyzerRequest.Builder b = AnalyzerRequest.builder(a.string("source_db_type"), out)
        .identifier(arg(a, "source_identifier", "MYSQL_DATABASE").orElse(null))
        .mode(a.optionalString("execution_mode").orElse("self_service"))
        .queriesFile(a.optionalPath("queries_file_path", out).orElse(null))
        .resultFile(a.optionalPath("query_result_file_path").orElse(null))
        .days(a.optionalInt("pattern_analysis_days").orElse(30))
        .maxResults(a.optionalInt("max_query_results").or(() -> Optional.ofNullable(env.apply("MYSQL_MAX_QUERY_RESULTS")).map(Integer::valueOf)).orElse(500))
        .secretArn(arg(a, "aws_secret_arn", "MYSQL_SECRET_ARN").orElse(null))
        .region(arg(a, "aws_region", "AWS_REGION").orElse(null))
        .profile(a.bool("profile", true));
    // connection method, as the reference: explicit cluster ARN, explicit hostname, env cluster ARN, env hostname; one excludes the other
    Optional<String> cluster = a.optionalString("aws_cluster_arn");
    Optional<String> host = a.optionalString("hostname");
    if (cluster.isEmpty() && host.isEmpty()) {
      cluster = arg(a, "aws_cluster_arn", "MYSQL_CLUSTER_ARN");
      host = cluster.isPresent() ? Optional.empty() : arg(a, "hostname", "MYSQL_HOSTNAME");
    } else if (cluster.isPresent()) {
      host = Optional.empty();
    }
    b.clusterArn(cluster.orElse(null)).host(host.orElse(null))
        .port(a.optionalInt("port").or(() -> Optional.ofNullable(env.apply("MYSQL_PORT")).map(Integer::valueOf)).orElse(null));
    Validated<AnalyzerResult> r = SourceDbAnalyzer.run(b.build());
    if (!r.isValid()) {
      return ToolResult.invalid("The analysis did not run:", r.diagnostics());
    }
    AnalyzerResult res = r.unwrap();
    return new ToolResult(res.toText(), Map.of("status", res.partial() ? "partial" : "success", "kind", res.kind(), "path", res.path().toString(),
        "files", res.files(), "diagnostics", res.diagnostics().stream().map(dev.ddbmodel.core.Diagnostic::toMap).toList(),
        // the message lists of earlier releases, kept for existing clients
        "problems", res.problems(), "statistics_warnings", res.warnings()), false);
  }
}
