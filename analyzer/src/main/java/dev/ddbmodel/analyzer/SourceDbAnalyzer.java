package dev.ddbmodel.analyzer;

import dev.ddbmodel.analyzer.internal.workload.AnalysisJson;
import dev.ddbmodel.analyzer.internal.workload.AnalysisQuery;
import dev.ddbmodel.analyzer.internal.workload.AnalysisWriter;
import dev.ddbmodel.analyzer.internal.workload.Connections;
import dev.ddbmodel.analyzer.internal.workload.Credentials;
import dev.ddbmodel.analyzer.internal.workload.DataApi;
import dev.ddbmodel.analyzer.internal.workload.Inputs;
import dev.ddbmodel.analyzer.internal.workload.Limits;
import dev.ddbmodel.analyzer.internal.workload.Managed;
import dev.ddbmodel.analyzer.internal.workload.ResultParser;
import dev.ddbmodel.analyzer.internal.workload.SelfServiceSql;
import dev.ddbmodel.analyzer.internal.workload.Statements;
import dev.ddbmodel.analyzer.internal.workload.StatisticsCheck;
import dev.ddbmodel.analyzer.internal.workload.Workload;
import dev.ddbmodel.analyzer.internal.dialect.Dialect;
import dev.ddbmodel.analyzer.internal.profile.ManagedProfile;
import dev.ddbmodel.analyzer.internal.profile.ProfilePlan;
import dev.ddbmodel.analyzer.internal.profile.SelfServiceProfile;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Severity;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.io.Outputs;
import dev.ddbmodel.core.io.PathGuard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Source database analysis. Self-service: write the SQL file (step 1), then read the client's
 * output (step 2). Managed: connect read-only over JDBC. Steps 2 and managed write a folder
 * {@code database_analysis_YYYYMMDD_HHMMSS} with {@code manifest.md} and one markdown file per
 * query, inside {@code output_dir}, under the rules of
 * {@link Outputs} (a run in the same second gets a suffix; an existing query file is replaced only
 * when ddbm wrote it).
 *
 * <p>Managed mode connects over JDBC (host from the arguments or the secret, which must agree), or
 * over the RDS Data API when {@code aws_cluster_arn} is given (Aurora MySQL/PostgreSQL).
 */
public final class SourceDbAnalyzer {
  private SourceDbAnalyzer() {}

  public static Validated<AnalyzerResult> run(AnalyzerRequest r) {
    var dialect = Dialect.of(r.sourceDbType());
    if (dialect.isEmpty()) {
      return usage("Analyzer.UnknownDatabase", "`" + Inputs.shown(r.sourceDbType()) + "` is not a supported source database", Suggestions.hint(r.sourceDbType(), Dialect.NAMES));
    }
    Dialect d = dialect.get();
    List<Diagnostic> refused = Inputs.check(d, r);
    if (!refused.isEmpty()) {
      return Validated.invalid(refused);
    }
    Validated<PathGuard> guard = PathGuard.of(r.outputDir());
    if (!guard.isValid()) {
      return Validated.invalid(guard.errors());
    }
    if (!r.executionMode().equals("self_service") && !r.executionMode().equals("managed")) {
      return usage("Analyzer.Mode", "invalid execution_mode `" + Inputs.shown(r.executionMode()) + "`", Suggestions.hint(r.executionMode(), List.of("self_service", "managed")));
    }
    if (r.sourceIdentifier().isEmpty() || r.sourceIdentifier().get().isBlank()) {
      return usage("Analyzer.MissingIdentifier", "`source_identifier` (the database, or the schema owner for Oracle) is required",
          "pass the database name");
    }
    String id = r.sourceIdentifier().get();
    List<AnalysisQuery> queries = d.queries(id, r.maxQueryResults(), r.patternAnalysisDays());
    Instant now = r.clock().instant();
    if (r.executionMode().equals("self_service")) {
      if (r.queryResultFilePath().isPresent()) {
        return parseStep(r, d, id, queries, guard.unwrap(), now);
      }
      if (r.queriesFilePath().isPresent()) {
        Validated<Path> target = guard.unwrap().resolve(r.queriesFilePath().get().toString());
        if (!target.isValid()) {
          return Validated.invalid(target.errors());
        }
        // never replace a file ddbm did not write: only an earlier query file (it starts with the marker) is replaced
        Validated<List<Path>> written = Outputs.standard().writeOwnedTextFiles(Map.of(target.unwrap(), roundOne(r, d, id, queries, now)),
            false, Outputs.startsWith(SelfServiceSql.MARKER), "choose a new file name for `queries_file_path`");
        if (!written.isValid()) {
          return Validated.invalid(written.errors());
        }
        String instructions = "Run it against the database with your own client and save the output, e.g.\n  "
            + d.runInstructions(target.unwrap().toString(), id) + "\nThen call again with query_result_file_path set to the results file.";
        return Validated.valid(new AnalyzerResult("queries_written", target.unwrap(), List.of(), List.of(), instructions, List.of()));
      }
      return usage("Analyzer.Parameters", "self-service needs `queries_file_path` (step 1: write the SQL) or `query_result_file_path` (step 2: read the results)",
          "start with queries_file_path");
    }
    if (r.awsClusterArn().isPresent() && !r.awsClusterArn().get().isBlank()) {
      return DataApi.analyze(d, r, id, server -> server.queries(id, r.maxQueryResults(), r.patternAnalysisDays())).flatMap(tables -> written(r, d, id, queries, tables, guard.unwrap(), now));
    }
    Validated<Credentials> creds = Credentials.resolve(r);
    if (!creds.isValid()) {
      return Validated.invalid(creds.errors());
    }
    try {
      // a name that does not resolve fails at once, not after the connection pool's timeout
      java.net.InetAddress.getByName(creds.unwrap().host());
    } catch (java.net.UnknownHostException e) {
      return envErr("Analyzer.Connection", "cannot connect to " + d.name() + ": unknown host `" + creds.unwrap().host() + "` (the name does not resolve)",
          "check the host name and the machine's DNS");
    }
    List<ResultTable> tables;
    try {
      tables = Managed.run(d, creds.unwrap(), r.port().orElse(d.defaultPort()), id, server -> server.queries(id, r.maxQueryResults(), r.patternAnalysisDays()),
          Limits.FETCH_CAP, r.statementTimeoutSeconds());
    } catch (SQLException e) {
      int port = r.port().orElse(d.defaultPort());
      return Validated.invalid(Diagnostic.environment("Analyzer.Connection", "cannot connect to " + d.name() + " at " + Inputs.shown(creds.unwrap().host())
          + ":" + port + ": " + Connections.cause(e, creds.unwrap(), port, id), SourceLocation.NONE, "check host, port, network access, the database name and the credentials"));
    }
    ManagedProfile.Output profile = !r.profile() ? ManagedProfile.Output.NONE : ManagedProfile.run(d.name(), id,
        () -> Connections.open(d, creds.unwrap(), r.port().orElse(d.defaultPort()), id, r.statementTimeoutSeconds()), r.statementTimeoutSeconds());
    return written(r, d, id, queries, tables, guard.unwrap(), now, profile);
  }

  /** A profile statement as a section of the self-service file (no parameters: its names and literals are in the text). */
  private static AnalysisQuery section(ProfilePlan.Statement s) {
    return new AnalysisQuery(s.name(), AnalysisQuery.Category.SCHEMA, "Data profile: " + s.what(), s.sql(), List.of());
  }

  /** The queries file: the analysis queries, then the profile's catalog statements (round 1 of the profile). */
  private static String roundOne(AnalyzerRequest r, Dialect d, String id, List<AnalysisQuery> queries, Instant now) {
    List<AnalysisQuery> all = new ArrayList<>(queries);
    List<String> notes = new ArrayList<>();
    if (r.profile() && SelfServiceProfile.supported(d.name())) {
      SelfServiceProfile.round1(d.name(), id, r.statementTimeoutSeconds()).forEach(s -> all.add(section(s)));
      notes.add("Round 1 of 2 of the data profile: the profile_* sections read the catalog. From this file's output ddbm writes "
          + SelfServiceProfile.FILE + " (round 2), which measures the data.");
      notes.addAll(SelfServiceProfile.bounds(d.name(), id, r.statementTimeoutSeconds()));
    }
    return SelfServiceSql.render(d, id, all, now.toString(), notes, r.statementTimeoutSeconds());
  }

  /** The second file: everything of the first again, the plan's fingerprint and the statements that measure the data. */
  private static String roundTwo(AnalyzerRequest r, Dialect d, String id, List<AnalysisQuery> queries, List<ProfilePlan.Statement> next, Instant now) {
    List<AnalysisQuery> all = new ArrayList<>(queries);
    next.forEach(s -> all.add(section(s)));
    List<String> notes = new ArrayList<>();
    notes.add("Round 2 of 2 of the data profile: the analysis queries and the catalog again, then the statements the catalog calls for"
        + " (profile_plan names the plan they belong to).");
    notes.addAll(SelfServiceProfile.bounds(d.name(), id, r.statementTimeoutSeconds()));
    return SelfServiceSql.render(d, id, all, now.toString(), notes, r.statementTimeoutSeconds());
  }

  private static Validated<AnalyzerResult> written(AnalyzerRequest r, Dialect d, String id, List<AnalysisQuery> queries, List<ResultTable> tables,
      PathGuard guard, Instant now) {
    return written(r, d, id, queries, tables, guard, now, new ManagedProfile.Output(null, "not_available",
        "\n## Data Profile\n\nNot available over the RDS Data API (direct connections only).\n", List.of(), Map.of()));
  }

  private static Validated<AnalyzerResult> written(AnalyzerRequest r, Dialect d, String id, List<AnalysisQuery> queries, List<ResultTable> tables,
      PathGuard guard, Instant now, ManagedProfile.Output profile) {
    List<Diagnostic> problems = new ArrayList<>();
    tables.stream().filter(ResultTable::failed).forEach(t -> problems.add(queryFailed(t, Diagnostic.Kind.ENVIRONMENT)));
    problems.addAll(profile.problems());
    return write(r, d, id, queries, tables, problems, guard, now, profile);
  }

  private static Validated<AnalyzerResult> parseStep(AnalyzerRequest r, Dialect d, String id, List<AnalysisQuery> queries, PathGuard guard, Instant now) {
    Validated<Path> file = guard.resolveExistingFile(r.queryResultFilePath().get().toString());
    if (!file.isValid()) {
      return Validated.invalid(file.errors());
    }
    String text;
    try {
      text = Files.readString(file.unwrap(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return err("Analyzer.Io", "cannot read " + file.unwrap() + ": " + e.getMessage(), "save the results as UTF-8 text");
    }
    ResultParser.Parsed parsed = ResultParser.parse(text);
    List<Diagnostic> problems = new ArrayList<>(parsed.problems());
    List<ResultTable> tables = new ArrayList<>();
    for (AnalysisQuery q : queries) {
      ResultTable t = parsed.tables().get(q.name());
      if (t == null) {
        problems.add(Diagnostic.error("Analyzer.ResultsMissing", "no results for `" + q.name() + "` in the file (the query may have failed in the client;"
            + " see its error output)", SourceLocation.NONE, "run the generated SQL file unchanged and save the client's whole output"));
        tables.add(ResultTable.failed(q.name(), "missing from the results file"));
      } else if (t.failed()) {
        problems.add(queryFailed(t, Diagnostic.Kind.INPUT));
        tables.add(t);
      } else {
        tables.add(t);
      }
    }
    parsed.tables().keySet().stream().filter(n -> queries.stream().noneMatch(q -> q.name().equals(n)) && !n.startsWith(ProfilePlan.PREFIX))
        .forEach(n -> problems.add(Diagnostic.error("Analyzer.ResultsExtraSection", "section `" + n + "` does not belong to the generated queries and was ignored",
            SourceLocation.NONE, "give back the output of the queries file ddbm wrote for this database")));
    ManagedProfile.Output profile = !r.profile() ? ManagedProfile.Output.NONE
        : SelfServiceProfile.read(d.name(), id, r.statementTimeoutSeconds(), parsed.tables());
    problems.addAll(profile.problems());
    return write(r, d, id, queries, tables, problems, guard, now, profile);
  }

  private static Validated<AnalyzerResult> write(AnalyzerRequest r, Dialect d, String id, List<AnalysisQuery> queries, List<ResultTable> fetched,
      List<Diagnostic> problems, PathGuard guard, Instant now, ManagedProfile.Output profile) {
    // the same decisions for managed and self-service: statements classified, sections cut, statistics checked
    Map<String, Integer> leftOut = new TreeMap<>();
    List<ResultTable> tables = fetched.stream().map(t -> {
      if (t.name().equals("query_pattern_analysis") || t.name().equals("prepared_statement_analysis")) {
        Statements.Filtered f = Statements.filter(t, d.name());
        f.leftOut().forEach((k, v) -> leftOut.merge(k, v, Integer::sum));
        return f.table();
      }
      return t;
    }).map(t -> Limits.apply(t, r.maxQueryResults())).toList();
    StatisticsCheck.Findings stats = StatisticsCheck.of(d.name(), tables, leftOut);
    Workload workload = Workload.of(tables, d.name());
    String workloadMd = workload.markdown(AnalysisJson.Pattern.all(tables, d.name()));
    Map<String, String> files = new java.util.LinkedHashMap<>(AnalysisWriter.files(r, id, queries, tables, problems, stats, now, profile.cardinality()));
    files.computeIfPresent("query_pattern_analysis.md", (k, v) -> v + "\n" + workloadMd);
    if (profile.result() != null) {
      files.put(ManagedProfile.FILE, dev.ddbmodel.analyzer.internal.profile.ProfileWriter.render(profile.result(), workloadMd));
    }
    files.put(AnalysisJson.FILE, AnalysisJson.render(r, d.name(), id, queries, tables, leftOut, stats, problems, now,
        AnalysisJson.ProfilePart.of(profile.state(), profile.result(), profile.reason() != null ? List.of(profile.reason()) : profile.problems().stream().map(Diagnostic::message).toList())));
    files.computeIfPresent("manifest.md", (k, v) -> v + profile.manifest());
    String instructions = "";
    if (profile.next() != null) {
      files.put(SelfServiceProfile.FILE, roundTwo(r, d, id, queries, profile.next(), now));
      instructions = "Data profile, round 2 of 2: run " + SelfServiceProfile.FILE + " from the analysis folder the same way, e.g.\n  "
          + d.runInstructions(SelfServiceProfile.FILE, id) + "\nthen call again with query_result_file_path set to that output: it measures the data"
          + " (children per parent, key skew, sizes) and writes profile.md.";
    }
    // a run in the same second gets database_analysis_<timestamp>_2 instead of colliding
    Outputs outputs = Outputs.standard();
    Validated<Path> folder = outputs.freshFolder(guard.base(), "database_analysis_" + AnalysisWriter.FOLDER.format(now));
    if (!folder.isValid()) {
      return Validated.invalid(folder.errors());
    }
    Validated<Outputs.FolderResult> written = outputs.writeTextFolder(folder.unwrap(), files, false, Outputs.Existing.REGENERATE, "the analysis");
    if (!written.isValid()) {
      return Validated.invalid(written.errors());
    }
    List<Diagnostic> diagnostics = new ArrayList<>(problems);
    diagnostics.addAll(stats.warnings());
    return Validated.valid(new AnalyzerResult("analysis_written", folder.unwrap(), List.copyOf(files.keySet()), tables, instructions, diagnostics));
  }

  /**
   * A query that failed: over a connection the database refused it (environment); in a results
   * file the client printed its error instead (input).
   */
  private static Diagnostic queryFailed(ResultTable t, Diagnostic.Kind kind) {
    return new Diagnostic("Analyzer.QueryFailed", Severity.ERROR, "query `" + t.name() + "` failed: " + t.error(), SourceLocation.NONE,
        "its section is missing from the analysis; the other queries are written", kind);
  }

  /** A bad or missing argument (exit 2). */
  private static <T> Validated<T> usage(String id, String msg, String hint) {
    return Validated.invalid(Diagnostic.usage(id, msg, SourceLocation.NONE, hint));
  }

  private static <T> Validated<T> envErr(String id, String msg, String hint) {
    return Validated.invalid(Diagnostic.environment(id, msg, SourceLocation.NONE, hint));
  }

  private static <T> Validated<T> err(String id, String msg, String hint) {
    return Validated.invalid(Diagnostic.error(id, msg, SourceLocation.NONE, hint));
  }
}
