package dev.ddbmodel.analyzer.internal.dialect;

import dev.ddbmodel.analyzer.internal.workload.AnalysisQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A source database: its catalog and statistics queries and how to reach it. */
public interface Dialect {
  /** The tool's name for it: mysql, postgresql, sqlserver, oracle. */
  String name();

  /** Queries for a database/schema, with row limit and analysis window. */
  List<AnalysisQuery> queries(String identifier, int maxRows, int days);

  /** A query returning the server's version string, asked first in managed mode; null when the dialect's SQL does not depend on it. */
  default String versionQuery() {
    return null;
  }

  /** The dialect for a server of this version (from {@link #versionQuery()}); this one when nothing differs. */
  default Dialect forServer(String version) {
    return this;
  }

  /** The JDBC URL for managed mode. */
  String jdbcUrl(String host, int port, String database);

  int defaultPort();

  /**
   * A SQL string literal with the dialect's escaping (used only in self-service files). Numbers
   * are written only when they are integers; values reaching here passed {@link
   * dev.ddbmodel.analyzer.internal.workload.Inputs} (no control characters).
   */
  default String literal(Object v) {
    if (v instanceof Integer || v instanceof Long) {
      return v.toString();
    }
    if (v instanceof Number) {
      throw new IllegalArgumentException("only integer parameters are written into SQL: " + v);
    }
    return "'" + v.toString().replace("'", "''") + "'";
  }

  /**
   * What the engine accepts in a (quoted) database, schema or owner name.
   *
   * @param maxLength longest name
   * @param lengthInBytes whether the limit counts UTF-8 bytes (else code points)
   * @param supplementary whether characters above U+FFFF are allowed
   * @param trailingSpace whether a name may end with a space
   * @param forbidden characters never allowed
   */
  record IdentifierRules(int maxLength, boolean lengthInBytes, boolean supplementary, boolean trailingSpace, String forbidden) {}

  IdentifierRules identifierRules();

  /** The statement as the self-service file runs it (a dialect may add a row-start column for its client's format). */
  default String selfServiceQuery(String sql) {
    return sql;
  }

  /** Statements the self-service file runs first (read-only session, client settings), one per line. */
  default List<String> preamble() {
    return List.of();
  }

  /** Session settings that stop any statement of the self-service file after {@code seconds} (SELECT only is unaffected). */
  default List<String> timeout(int seconds) {
    return List.of();
  }

  /** A row that prints a section marker. */
  default String marker(String text) {
    return "SELECT '" + text + "' AS ddbm_marker;";
  }

  /** How to run the generated file, shown to the user. */
  String runInstructions(String file, String identifier);

  static Optional<Dialect> of(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "mysql", "mariadb", "aurora-mysql" -> Optional.of(new MySqlDialect());
      case "postgresql", "postgres", "aurora-postgresql" -> Optional.of(new PostgresDialect());
      case "sqlserver", "mssql" -> Optional.of(new SqlServerDialect());
      case "oracle" -> Optional.of(new OracleDialect());
      default -> Optional.empty();
    };
  }

  List<String> NAMES = List.of("mysql", "postgresql", "sqlserver", "oracle");
}
