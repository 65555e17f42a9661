package dev.ddbmodel.analyzer.dialect;

import dev.ddbmodel.analyzer.AnalysisQuery;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A source database: its catalog and statistics queries and how to reach it. */
public interface Dialect {
  /** The tool's name for it: mysql, postgresql, sqlserver, oracle. */
  String name();

  /** Queries for a database/schema, with row limit and analysis window. */
  List<AnalysisQuery> queries(String identifier, int maxRows, int days);

  /** The JDBC URL for managed mode. */
  String jdbcUrl(String host, int port, String database);

  int defaultPort();

  /** A SQL string literal with the dialect's escaping (used only in self-service files). */
  default String literal(Object v) {
    if (v instanceof Number n) {
      return n.toString();
    }
    return "'" + v.toString().replace("'", "''") + "'";
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
