package dev.ddbmodel.analyzer.internal.dialect;

import dev.ddbmodel.analyzer.internal.workload.AnalysisQuery;
import dev.ddbmodel.analyzer.internal.workload.AnalysisQuery.Category;
import java.util.List;

/** MySQL, MariaDB and Aurora MySQL: information_schema and performance_schema digests. */
public final class MySqlDialect implements Dialect {
  /**
   * Where the server's status variables are: MariaDB keeps {@code information_schema.GLOBAL_STATUS}
   * (upper-case names); MySQL 5.7 and 8 moved them to {@code performance_schema.global_status}
   * (MySQL 8 removed the information_schema table, 5.7 refuses it by default). {@code null}: the
   * server is not known (a self-service file), and the statement names both through the servers'
   * version comments: MariaDB runs {@code /*M! ... *}{@code /} and skips MySQL's
   * {@code /*!50700 ... *}{@code /}, MySQL 5.7+ does the opposite.
   */
  private final Boolean statusInPerformanceSchema;

  /** For a server not known yet: the version-comment form, right on MariaDB and on MySQL 5.7 and later. */
  public MySqlDialect() {
    this(null);
  }

  MySqlDialect(Boolean statusInPerformanceSchema) {
    this.statusInPerformanceSchema = statusInPerformanceSchema;
  }

  @Override
  public String versionQuery() {
    return "SELECT VERSION()";
  }

  /** MySQL 5.7 or later (not MariaDB, whose versions say so): status variables from performance_schema. */
  @Override
  public Dialect forServer(String version) {
    if (version == null || version.toLowerCase(java.util.Locale.ROOT).contains("mariadb")) {
      return new MySqlDialect(false);
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version.strip());
    if (!m.find()) {
      return new MySqlDialect(false);
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    return new MySqlDialect(major > 5 && major < 10 || major == 5 && minor >= 7);
  }

  /** A scalar subquery reading one status variable ({@code name} as MySQL spells it, e.g. {@code Uptime}). */
  String status(String name) {
    if (statusInPerformanceSchema == null) {
      // both tables compare names without regard to case
      return "(SELECT VARIABLE_VALUE FROM /*M! information_schema.global_status */ /*!50700 performance_schema.global_status */ WHERE VARIABLE_NAME = '"
          + name + "')";
    }
    return statusInPerformanceSchema
        ? "(SELECT VARIABLE_VALUE FROM performance_schema.global_status WHERE VARIABLE_NAME = '" + name + "')"
        : "(SELECT VARIABLE_VALUE FROM information_schema.global_status WHERE VARIABLE_NAME = '" + name.toUpperCase(java.util.Locale.ROOT) + "')";
  }

  /** MariaDB's max_statement_time (seconds), MySQL 5.7.8+'s max_execution_time (milliseconds, SELECT only), by the same version comments. */
  @Override
  public List<String> timeout(int seconds) {
    return List.of("SET SESSION /*M! max_statement_time = " + seconds + " */ /*!50708 max_execution_time = " + (seconds * 1000L) + " */;");
  }
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

  /**
   * Not a view (views have their own section). A subquery on a constant schema, materialized once:
   * joining information_schema views row by row opens every table again (seconds at 2,000 tables).
   */
  static final String NOT_A_VIEW = " NOT IN (SELECT v.table_name FROM information_schema.views v WHERE v.table_schema = ?)";

  /**
   * information_schema only. Foreign keys come from key_column_usage, outer-joined to
   * referential_constraints for the rules: a SELECT-only user sees the first but not always the
   * second, and an inner join would hide the keys themselves.
   */
  /*
   * column_default: MariaDB writes a NULL default as the expression text NULL (a string default is
   * quoted, 'NULL'); NULLIF makes it SQL NULL, which is what mysql --batch prints for it as well, so
   * managed and self-service runs read the same value.
   */
  @Override
  public List<AnalysisQuery> queries(String db, int n, int days) {
    return List.of(
        new AnalysisQuery("table_analysis", Category.SCHEMA, "Tables",
            "SELECT table_name, table_rows AS row_estimate, data_length AS data_bytes, index_length AS index_bytes,"
                + " ROUND((data_length + index_length) / 1048576, 2) AS total_mb, table_comment AS comment FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name LIMIT " + (n + 1), List.of(db)),
        new AnalysisQuery("column_analysis", Category.SCHEMA, "Columns",
            "SELECT c.table_name, c.column_name, c.ordinal_position, c.column_type AS data_type, c.is_nullable, c.column_key, NULLIF(c.column_default, 'NULL') AS column_default, c.extra, c.column_comment AS comment"
                + " FROM information_schema.columns c WHERE c.table_schema = ? AND c.table_name" + NOT_A_VIEW
                + " ORDER BY c.table_name, c.ordinal_position", List.of(db, db)),
        new AnalysisQuery("index_analysis", Category.SCHEMA, "Indexes",
            "SELECT s.table_name, s.index_name, CASE WHEN s.non_unique = 0 THEN 'YES' ELSE 'NO' END AS is_unique,"
                + " GROUP_CONCAT(s.column_name ORDER BY s.seq_in_index SEPARATOR ', ') AS columns FROM information_schema.statistics s"
                + " WHERE s.table_schema = ? GROUP BY s.table_name, s.index_name, s.non_unique ORDER BY s.table_name, s.index_name",
            List.of(db)),
        new AnalysisQuery("foreign_key_analysis", Category.SCHEMA, "Foreign keys",
            "SELECT k.table_name, k.constraint_name, GROUP_CONCAT(k.column_name ORDER BY k.ordinal_position SEPARATOR ', ') AS columns,"
                + " k.referenced_table_schema AS referenced_schema, k.referenced_table_name,"
                + " GROUP_CONCAT(k.referenced_column_name ORDER BY k.ordinal_position SEPARATOR ', ') AS referenced_columns,"
                + " MAX(r.update_rule) AS update_rule, MAX(r.delete_rule) AS delete_rule FROM information_schema.key_column_usage k"
                // DISTINCT materializes the rules once (a merged derived table is re-read per key: seconds at 2,000 tables)
                + " LEFT JOIN (SELECT DISTINCT table_name, constraint_name, update_rule, delete_rule FROM information_schema.referential_constraints"
                + " WHERE constraint_schema = ?) r ON r.table_name = k.table_name AND r.constraint_name = k.constraint_name"
                + " WHERE k.table_schema = ? AND k.referenced_table_name IS NOT NULL"
                + " GROUP BY k.table_name, k.constraint_name, k.referenced_table_schema, k.referenced_table_name ORDER BY k.table_name, k.constraint_name",
            List.of(db, db)),
        new AnalysisQuery("view_analysis", Category.SCHEMA, "Views",
            "SELECT t.table_name AS view_name, 'view' AS view_type, GROUP_CONCAT(c.column_name ORDER BY c.ordinal_position SEPARATOR ', ') AS columns"
                + " FROM information_schema.tables t LEFT JOIN information_schema.columns c ON c.table_schema = t.table_schema AND c.table_name = t.table_name"
                + " WHERE t.table_schema = ? AND t.table_type = 'VIEW' GROUP BY t.table_name ORDER BY t.table_name LIMIT " + (n + 1), List.of(db)),
        new AnalysisQuery("statistics_status", Category.PERFORMANCE, "Statistics status",
            "SELECT @@performance_schema AS enabled, @@performance_schema_digests_size AS max_entries,"
                + " (SELECT COUNT(*) FROM performance_schema.events_statements_summary_by_digest) AS all_entries,"
                + " " + status("Performance_schema_digest_lost") + " AS evicted,"
                + " (SELECT DATE_FORMAT(MIN(first_seen), '%Y-%m-%dT%H:%i:%s') FROM performance_schema.events_statements_summary_by_digest) AS since,"
                + " TIMESTAMPDIFF(SECOND, (SELECT MIN(first_seen) FROM performance_schema.events_statements_summary_by_digest), NOW()) AS window_seconds,"
                + " " + status("Uptime") + " AS uptime_seconds,"
                + " (SELECT COUNT(*) FROM performance_schema.prepared_statements_instances) AS prepared_statements,"
                + " (SELECT COALESCE(SUM(count_execute), 0) FROM performance_schema.prepared_statements_instances) AS prepared_executions", List.of()),
        new AnalysisQuery("query_pattern_analysis", Category.PERFORMANCE, "Query patterns",
            // each digest counts calls from its first_seen until now: that is its window; statements without a default database are kept
            "SELECT digest_text AS query_pattern, count_star AS calls, ROUND(avg_timer_wait / 1000000000, 3) AS avg_ms,"
                + " sum_rows_examined AS rows_examined, sum_rows_sent AS rows_sent, TIMESTAMPDIFF(SECOND, first_seen, NOW()) AS window_seconds"
                + " FROM performance_schema.events_statements_summary_by_digest WHERE (schema_name = ? OR schema_name IS NULL)"
                + " AND last_seen >= NOW() - INTERVAL ? DAY AND digest_text IS NOT NULL ORDER BY count_star DESC, digest_text LIMIT " + (n + 1000),
            List.of(db, days)),
        new AnalysisQuery("prepared_statement_analysis", Category.PERFORMANCE, "Prepared statements",
            // server-side prepared statements are not in the digest table; their instances are counted here while they exist
            "SELECT sql_text AS query_pattern, count_execute AS calls, ROUND(avg_timer_execute / 1000000000, 3) AS avg_ms,"
                + " sum_rows_examined AS rows_examined, sum_rows_sent AS rows_sent, " + status("Uptime") + " AS window_seconds"
                + " FROM performance_schema.prepared_statements_instances ORDER BY count_execute DESC, sql_text LIMIT " + (n + 1000), List.of()));
  }

  @Override
  public String runInstructions(String file, String db) {
    // --batch: tab-separated with tab, newline, backslash and NUL escaped; --force: a query the user may not run does not stop the rest
    return "mysql -h <host> -u <user> -p --batch --force --database=" + dev.ddbmodel.analyzer.internal.workload.Inputs.shellWord(db) + " < " + dev.ddbmodel.analyzer.internal.workload.Inputs.shellWord(file)
        + " > results.txt";
  }
}
