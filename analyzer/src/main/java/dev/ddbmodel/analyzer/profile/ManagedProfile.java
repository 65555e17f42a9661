package dev.ddbmodel.analyzer.profile;

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
      + "- [profile.json](" + ProfileJson.FILE + ") — the same figures for scripts (JSON Schema: profile.schema.json in the ddbmodel-analyzer jar, dev/ddbmodel/analyzer/profile/)\n";

  private ManagedProfile() {}

  /** Opens the connection the profile runs on (the analyzer's, with its connect and socket timeouts). */
  @FunctionalInterface
  public interface ConnectionSource {
    Connection open() throws SQLException;
  }

  /**
   * Profiles the database with the default limits and the request's statement timeout; puts
   * {@code profile.md} and {@code profile.json} into {@code files} and one line per warning (or
   * the reason it could not run) into {@code problems}. Never throws for a database problem: the
   * analysis is written either way.
   */
  public static void into(String dialect, ConnectionSource source, int timeoutSeconds, Map<String, String> files, List<String> problems) {
    if (!dialect.equals("postgresql") && !dialect.equals("mysql")) {
      problems.add("data profile: not available for " + dialect + " (PostgreSQL and MySQL/MariaDB only)");
      return;
    }
    ProfileRequest req = new ProfileRequest(null, Duration.ofSeconds(Math.max(1, timeoutSeconds)), ProfileRequest.defaults().budget(),
        ProfileRequest.defaults().exactRowLimit(), ProfileRequest.defaults().sampleParents(), ProfileRequest.defaults().sampleRows(),
        ProfileRequest.defaults().itemSampleRows(), ProfileRequest.defaults().topValues(), ProfileRequest.defaults().maxTables(), 0, 0);
    try (Connection c = source.open()) {
      ProfileResult r = Profiler.profile(c, req);
      files.put(FILE, ProfileWriter.render(r));
      files.put(ProfileJson.FILE, ProfileJson.render(r));
      for (Diagnostic d : r.diagnostics()) {
        problems.add("data profile: `" + d.id() + "` " + d.message());
      }
    } catch (SQLException e) {
      String m = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      problems.add("data profile not written: " + e.getSQLState() + ": " + m);
    }
  }
}
