package dev.ddbmodel.analyzer.internal.profile;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.analyzer.ResultTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data profile in self-service mode, in two rounds of the user's own client:
 *
 * <ol>
 *   <li>the queries file holds the analysis queries and the profile's catalog statements
 *       ({@link ProfilePlan#catalog});
 *   <li>from that output ddbm plans the measuring statements ({@link ProfilePlan#measure}, the same
 *       plan managed mode runs) and writes {@link #FILE}: the first file's statements again, the
 *       plan's fingerprint and the measuring statements. Its output is read with the same
 *       interpretation as managed mode's JDBC results ({@link ProfilePlan#interpret}).
 * </ol>
 *
 * The second file re-reads the catalog, so its output stands alone; when the catalog no longer
 * calls for the same statements (a table or key added, a table crossing the exact-count limit),
 * the fingerprint differs and a new second file is written instead of a wrong profile.
 */
public final class SelfServiceProfile {
  /** The second-round file, written into the analysis folder. */
  public static final String FILE = "profile_queries.sql";

  private SelfServiceProfile() {}

  /** Whether the dialect is profiled. */
  public static boolean supported(String dialect) {
    return dialect.equals("postgresql") || dialect.equals("mysql");
  }

  /** The first round's profile statements (empty for an engine the profile does not cover). */
  public static List<ProfilePlan.Statement> round1(String dialect, String database, int timeoutSeconds) {
    if (!supported(dialect)) {
      return List.of();
    }
    ProfileRequest req = ManagedProfile.request(dialect, database, timeoutSeconds);
    return ProfilePlan.catalog(dialect, req.schema(), req);
  }

  /** The bounds the files state, one line each. */
  public static List<String> bounds(String dialect, String database, int timeoutSeconds) {
    ProfileRequest l = ManagedProfile.request(dialect, database, timeoutSeconds);
    return List.of(
        "Data profile: SELECT statements only, in a read-only session; each statement stops after " + l.statementTimeout().toSeconds()
            + " s (set below).",
        String.format(java.util.Locale.ROOT, "Tables with up to %,d estimated rows are measured exactly; larger ones are sampled at random"
            + " (about %,d parents per foreign key, %,d rows per key column and size query, %,d rows per table for item sizes; a sample stops at %d"
            + " times that).", l.exactRowLimit(), l.sampleParents(), l.sampleRows(), l.itemSampleRows(), Profiler.SAFETY),
        String.format(java.util.Locale.ROOT, "At most %,d tables, largest first; the %d heaviest values per key column; item sizes from the sizes"
            + " of the values, never the values themselves.", l.maxTables(), l.topValues()));
  }

  /**
   * What the profile sections of a results file give.
   *
   * @param sections every section of the results file by name
   */
  public static ManagedProfile.Output read(String dialect, String database, int timeoutSeconds, Map<String, ResultTable> sections) {
    if (!supported(dialect)) {
      return new ManagedProfile.Output(null, "not_available", "\n## Data Profile\n\nNot available for " + dialect + " (PostgreSQL and MySQL/MariaDB only).\n",
          List.of(), Map.of());
    }
    if (!sections.containsKey("profile_tables")) {
      return new ManagedProfile.Output(null, "not_available", "\n## Data Profile\n\nNot measured: the results file has no profile sections "
          + "(written from a queries file of an earlier ddbm). Write the queries file again to measure the data.\n", List.of(), Map.of(), null,
          "the results file has no profile sections (a queries file of an earlier ddbm)");
    }
    ProfileRequest req = ManagedProfile.request(dialect, database, timeoutSeconds);
    ProfilePlan.Facts facts;
    try {
      facts = ProfilePlan.facts(dialect, req.schema(), sections::get, req);
    } catch (IllegalStateException e) {
      return new ManagedProfile.Output(null, "failed", "", List.of(Diagnostic.error("Analyzer.ProfileFailed", "data profile not written: " + e.getMessage(),
          SourceLocation.NONE, "")), Map.of());
    }
    List<ProfilePlan.Statement> plan = ProfilePlan.measure(facts, req);
    String fingerprint = ProfilePlan.fingerprint(plan);
    ResultTable given = sections.get(ProfilePlan.PLAN);
    List<ProfilePlan.Statement> next = new ArrayList<>(ProfilePlan.catalog(dialect, req.schema(), req));
    next.add(planStatement(fingerprint));
    next.addAll(plan);
    String pending = "\n## Data Profile\n\nRound 1 of 2 done: the catalog was read. Run [" + FILE + "](" + FILE + ") (in this folder) with the same "
        + "client, the same way, and give its output back as `query_result_file_path`: that run measures the data (children per parent, key skew, "
        + "sizes) and writes profile.md.\n";
    if (given == null) {
      return new ManagedProfile.Output(null, "pending", pending, List.of(), Map.of(), next,
          "round 1 of 2: run " + FILE + " from this folder and give its output back to measure the data");
    }
    String was = given.failed() || given.rows().isEmpty() || given.rows().get(0).isEmpty() ? null : given.rows().get(0).get(0);
    if (!fingerprint.equals(was)) {
      String why = "the database's catalog no longer calls for the statements " + FILE + " holds (a table, key or index added or removed, or a table "
          + "crossing the " + String.format(java.util.Locale.ROOT, "%,d", req.exactRowLimit()) + "-row exact limit); a new " + FILE
          + " was written: run it and give its output back";
      return new ManagedProfile.Output(null, "pending", pending, List.of(Diagnostic.error("Analyzer.ProfilePending", "data profile not measured: " + why, SourceLocation.NONE, "")), Map.of(), next, why);
    }
    List<Diagnostic> problems = new ArrayList<>();
    List<String> missing = plan.stream().map(ProfilePlan.Statement::name).filter(n -> !sections.containsKey(n)).toList();
    if (!missing.isEmpty()) {
      problems.add(Diagnostic.error("Analyzer.ProfileIncomplete", missing.size() + " profile section(s) missing from the results file (the output was cut?), first `"
          + missing.get(0) + "`; what they measure is listed as not profiled", SourceLocation.NONE, "save the client's whole output"));
    }
    ProfileResult r = ProfilePlan.interpret(facts, req, plan, sections::get, "missing from the results file", null, 0);
    return ManagedProfile.measured(r, problems);
  }

  /** The section that prints the plan's fingerprint, so the output says which plan it answers. */
  static ProfilePlan.Statement planStatement(String fingerprint) {
    return new ProfilePlan.Statement(ProfilePlan.PLAN, "plan", "SELECT '" + fingerprint + "' AS ddbm_plan", true);
  }
}
