package dev.ddbmodel.analyzer.dialect;

import dev.ddbmodel.analyzer.AnalysisQuery;
import dev.ddbmodel.analyzer.AnalysisQuery.Category;
import java.util.List;

/** PostgreSQL and Aurora PostgreSQL: catalogs and pg_stat_statements. */
public final class PostgresDialect implements Dialect {
  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public int defaultPort() {
    return 5432;
  }

  /** The database is URL-encoded (the driver decodes it), so no name can add URL properties. */
  @Override
  public String jdbcUrl(String host, int port, String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + java.net.URLEncoder.encode(database, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public IdentifierRules identifierRules() {
    return new IdentifierRules(63, true, true, true, "");
  }

  /** An escape string literal: the same meaning whatever standard_conforming_strings says. */
  @Override
  public String literal(Object v) {
    if (!(v instanceof String)) {
      return Dialect.super.literal(v);
    }
    return "E'" + v.toString().replace("\\", "\\\\").replace("'", "''") + "'";
  }

  @Override
  public List<String> preamble() {
    return List.of("\\pset pager off", "SET default_transaction_read_only = on;");
  }

  static final String USER_SCHEMAS = "NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";

  @Override
  public List<AnalysisQuery> queries(String db, int n, int days) {
    return List.of(
        new AnalysisQuery("table_analysis", Category.SCHEMA, "Tables",
            "SELECT n.nspname AS schema_name, c.relname AS table_name, GREATEST(c.reltuples, 0)::bigint AS row_estimate,"
                + " pg_table_size(c.oid) AS data_bytes, pg_indexes_size(c.oid) AS index_bytes,"
                + " ROUND(pg_total_relation_size(c.oid) / 1048576.0, 2) AS total_mb FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p') AND n.nspname " + USER_SCHEMAS + " AND current_database() = ? ORDER BY 1, 2 LIMIT " + (n + 1), List.of(db)),
        new AnalysisQuery("column_analysis", Category.SCHEMA, "Columns",
            "SELECT table_schema AS schema_name, table_name, column_name, ordinal_position, data_type, is_nullable, column_default"
                + " FROM information_schema.columns WHERE table_catalog = ? AND table_schema " + USER_SCHEMAS
                + " ORDER BY table_schema, table_name, ordinal_position LIMIT " + (n + 1), List.of(db)),
        new AnalysisQuery("index_analysis", Category.SCHEMA, "Indexes",
            "SELECT schemaname AS schema_name, tablename AS table_name, indexname AS index_name, indexdef AS definition FROM pg_indexes"
                + " WHERE schemaname " + USER_SCHEMAS + " AND current_database() = ? ORDER BY 1, 2, 3 LIMIT " + (n + 1), List.of(db)),
        new AnalysisQuery("foreign_key_analysis", Category.SCHEMA, "Foreign keys",
            "SELECT tc.table_schema AS schema_name, tc.table_name, kcu.column_name, tc.constraint_name, ccu.table_name AS referenced_table_name,"
                + " ccu.column_name AS referenced_column_name FROM information_schema.table_constraints tc"
                + " JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema"
                + " JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema"
                + " WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_catalog = ? ORDER BY 2, 4 LIMIT " + (n + 1), List.of(db)),
        new AnalysisQuery("query_pattern_analysis", Category.PERFORMANCE, "Query patterns",
            "SELECT s.query AS query_pattern, s.calls, ROUND(s.mean_exec_time::numeric, 3) AS avg_ms, s.rows AS rows_sent,"
                + " LEAST(EXTRACT(EPOCH FROM (now() - i.stats_reset)), ? * 86400)::bigint AS window_seconds"
                + " FROM pg_stat_statements s CROSS JOIN pg_stat_statements_info i JOIN pg_database d ON d.oid = s.dbid"
                + " WHERE d.datname = ? AND s.query NOT ILIKE '%pg_stat_statements%' AND s.query NOT ILIKE '%pg_catalog%'"
                + " AND s.query NOT ILIKE '%information_schema%' ORDER BY s.calls DESC LIMIT " + (n + 1), List.of(days, db)));
  }

  @Override
  public String runInstructions(String file, String db) {
    // psql reads a -d value with '=' or a URI prefix as a connection string: pass such names as dbname='...'
    String target = db.contains("=") || db.startsWith("postgres://") || db.startsWith("postgresql://")
        ? "dbname='" + db.replace("\\", "\\\\").replace("'", "\\'") + "'" : db;
    return "psql -h <host> -U <user> -d " + dev.ddbmodel.analyzer.Inputs.shellWord(target) + " -f " + dev.ddbmodel.analyzer.Inputs.shellWord(file)
        + " > results.txt";
  }
}
