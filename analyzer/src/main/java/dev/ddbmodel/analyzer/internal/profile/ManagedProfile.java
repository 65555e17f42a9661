package dev.ddbmodel.analyzer.internal.profile;

import dev.ddbmodel.core.Diagnostic;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The profile step of managed mode: its own read-only connection, {@code profile.md} and its warnings for the manifest. */
public final class ManagedProfile {
  /** The file the profile is written to, next to manifest.md. */
  public static final String FILE = "profile.md";

  /** The manifest's section pointing at the profile. */
  public static final String MANIFEST_SECTION = "\n## Data Profile\n\n- [Data profile](" + FILE
      + ") — children per parent for every foreign key, key skew and hot keys, row and DynamoDB item sizes, reads vs writes per table\n"
      + "- [analysis.json](analysis.json) — the same figures for scripts, under `profile` (with everything else the analysis found; JSON Schema: "
      + "analysis.schema.json in the ddbmodel-analyzer jar, dev/ddbmodel/analyzer/)\n";

  /**
   * What the profile step adds to the analysis folder.
   *
   * @param result what the profile measured ({@code null} when it did not run)
   * @param state {@code measured}, {@code off}, {@code not_available} or {@code failed}, for analysis.json
   * @param manifest the section appended to {@code manifest.md} ("" when none)
   * @param problems why the profile could not run, for the manifest's problems
   * @param cardinality per foreign key ({@link #key(String, String)} of its child table and
   *     constraint name) the measured class and figures, for the manifest's summary
   */
  public record Output(ProfileResult result, String state, String manifest, List<Diagnostic> problems, Map<String, String> cardinality,
      List<ProfilePlan.Statement> next, String reason) {
    /** The profile was switched off. */
    public static final Output NONE = new Output(null, "off", "", List.of(), Map.of());

    public Output {
      problems = List.copyOf(problems);
      cardinality = Map.copyOf(cardinality);
      next = next == null ? null : List.copyOf(next);
    }

    /** An output without a next round. */
    public Output(ProfileResult result, String state, String manifest, List<Diagnostic> problems, Map<String, String> cardinality) {
      this(result, state, manifest, problems, cardinality, null, null);
    }
  }

  /** The request both modes profile with: the default limits, the analysis' statement timeout; MySQL/MariaDB name the database, PostgreSQL use the connection's schema. */
  static ProfileRequest request(String dialect, String database, int timeoutSeconds) {
    ProfileRequest d = ProfileRequest.defaults();
    return new ProfileRequest(dialect.equals("mysql") ? database : null, Duration.ofSeconds(Math.max(1, timeoutSeconds)), d.budget(), d.exactRowLimit(),
        d.sampleParents(), d.sampleRows(), d.itemSampleRows(), d.topValues(), d.maxTables(), 0, 0);
  }

  /** What a measured profile adds to the manifest, and the cardinality of each foreign key for its summary. */
  static Output measured(ProfileResult r, List<Diagnostic> problems) {
    String warnings = r.diagnostics().isEmpty() ? "" : "- Profile warnings: " + r.diagnostics().size() + " ("
        + r.diagnostics().stream().map(Diagnostic::id).distinct().sorted().collect(java.util.stream.Collectors.joining(", ")) + "), listed in profile.md\n";
    Map<String, String> cardinality = new java.util.HashMap<>();
    for (ProfileResult.Relationship rel : r.relationships()) {
      cardinality.put(key(rel.child(), rel.name()), rel.cardinality().label() + " (median " + rel.median() + ", max " + (rel.maxSource() == null ? "" : "~") + rel.max() + " children per parent"
          + (rel.sampled() ? ", sampled" : "") + ")");
    }
    return new Output(r, "measured", MANIFEST_SECTION + warnings, problems, cardinality);
  }

  /** The key of a foreign key in {@link Output#cardinality()}: its child table and constraint name. */
  public static String key(String childTable, String constraint) {
    return childTable + "\u0000" + constraint;
  }

  private ManagedProfile() {}

  /** Opens the connection the profile runs on (the analyzer's, with its connect and socket timeouts). */
  @FunctionalInterface
  public interface ConnectionSource {
    Connection open() throws SQLException;
  }

  /**
   * Profiles the database with the default limits and the request's statement timeout. Never
   * throws for a database problem: the analysis is written either way, with the reason among its
   * problems; the profile's own warnings are counted in the manifest and listed in profile.md.
   */
  public static Output run(String dialect, String database, ConnectionSource source, int timeoutSeconds) {
    if (!dialect.equals("postgresql") && !dialect.equals("mysql")) {
      return new Output(null, "not_available", "\n## Data Profile\n\nNot available for " + dialect + " (PostgreSQL and MySQL/MariaDB only).\n", List.of(), Map.of());
    }
    ProfileRequest req = request(dialect, database, timeoutSeconds);
    try (Connection c = source.open()) {
      return measured(Profiler.profile(c, req), List.of());
    } catch (SQLException e) {
      String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      return new Output(null, "failed", "", List.of(Diagnostic.environment("Analyzer.ProfileFailed", "data profile not written: " + e.getSQLState() + ": " + m,
          dev.ddbmodel.core.SourceLocation.NONE, "")), Map.of());
    }
  }
}
