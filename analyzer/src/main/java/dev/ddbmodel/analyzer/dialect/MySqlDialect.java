package dev.ddbmodel.analyzer.dialect;

import dev.ddbmodel.analyzer.AnalysisQuery;
import dev.ddbmodel.analyzer.AnalysisQuery.Category;
import java.util.List;

/** MySQL, MariaDB and Aurora MySQL: information_schema and performance_schema digests. */
public final class MySqlDialect implements Dialect {
  @Override
  public String name() {
    return "mysql";
  }

  @Override
  public int defaultPort() {
    return 3306;
  }

  /** The database is never part of the URL (the queries bind it), so no name can add URL properties. */
  @Override
  public String jdbcUrl(String host, int port, String database) {
    return "jdbc:mariadb://" + host + ":" + port + "/";
  }

  @Override
  public IdentifierRules identifierRules() {
    return new IdentifierRules(64, false, false, false, "");
  }

  @Override
  public String literal(Object v) {
    if (!(v instanceof String)) {
      return Dialect.super.literal(v);
    }
    // backslash is an escape character in MySQL literals unless NO_BACKSLASH_ESCAPES is set; doubling
    // both it and the quote ends the literal at the same place in either mode
    return "'" + v.toString().replace("\\", "\\\\").replace("'", "''") + "'";
  }

  @Override
  public List<String> preamble() {
    return List.of("SET SESSION TRANSACTION READ ONLY;");
  }

  @Override
  public List<AnalysisQuery> queries(String db, int n, int days) {
    return List.of(
        new AnalysisQuery("table_analysis", Category.SCHEMA, "Tables",
            "SELECT table_name, table_rows AS row_estimate, data_length AS data_bytes, index_length AS index_bytes,"
                + " ROUND((data_length + index_length) / 1048576, 2) AS total_mb FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name LIMIT " + (n + 1), List.of(db)),
        new AnalysisQuery("column_analysis", Category.SCHEMA, "Columns",
            "SELECT table_name, column_name, ordinal_position, column_type AS data_type, is_nullable, column_key, column_default, extra"
                + " FROM information_schema.columns WHERE table_schema = ? ORDER BY table_name, ordinal_position LIMIT " + (n + 1), List.of(db)),
        new AnalysisQuery("index_analysis", Category.SCHEMA, "Indexes",
            "SELECT table_name, index_name, CASE WHEN non_unique = 0 THEN 'YES' ELSE 'NO' END AS is_unique,"
                + " GROUP_CONCAT(column_name ORDER BY seq_in_index SEPARATOR ', ') AS columns FROM information_schema.statistics"
                + " WHERE table_schema = ? GROUP BY table_name, index_name, non_unique ORDER BY table_name, index_name LIMIT " + (n + 1), List.of(db)),
        new AnalysisQuery("foreign_key_analysis", Category.SCHEMA, "Foreign keys",
            "SELECT k.table_name, k.column_name, k.constraint_name, k.referenced_table_name, k.referenced_column_name, r.update_rule, r.delete_rule"
                + " FROM information_schema.key_column_usage k JOIN information_schema.referential_constraints r"
                + " ON r.constraint_schema = k.constraint_schema AND r.constraint_name = k.constraint_name"
                + " WHERE k.table_schema = ? AND k.referenced_table_name IS NOT NULL ORDER BY k.table_name, k.constraint_name LIMIT " + (n + 1), List.of(db)),
        new AnalysisQuery("query_pattern_analysis", Category.PERFORMANCE, "Query patterns",
            "SELECT digest_text AS query_pattern, count_star AS calls, ROUND(avg_timer_wait / 1000000000, 3) AS avg_ms,"
                + " sum_rows_examined AS rows_examined, sum_rows_sent AS rows_sent,"
                + " TIMESTAMPDIFF(SECOND, GREATEST(first_seen, NOW() - INTERVAL ? DAY), last_seen) AS window_seconds"
                + " FROM performance_schema.events_statements_summary_by_digest WHERE schema_name = ? AND last_seen >= NOW() - INTERVAL ? DAY"
                + " AND digest_text IS NOT NULL AND digest_text NOT LIKE '%performance_schema%' AND digest_text NOT LIKE '%information_schema%'"
                + " ORDER BY count_star DESC LIMIT " + (n + 1), List.of(days, db, days)));
  }

  @Override
  public String runInstructions(String file, String db) {
    return "mysql -h <host> -u <user> -p --table --database=" + dev.ddbmodel.analyzer.Inputs.shellWord(db) + " < " + dev.ddbmodel.analyzer.Inputs.shellWord(file)
        + " > results.txt";
  }
}
