package dev.ddbmodel.analyzer.internal.dialect;

import dev.ddbmodel.analyzer.internal.workload.AnalysisQuery;
import dev.ddbmodel.analyzer.internal.workload.AnalysisQuery.Category;
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

  /**
   * psql prints unaligned output with NUL between fields and records (NUL cannot occur in a
   * PostgreSQL text value), NULL as U+0001 and no footers, whatever the user's psqlrc says; each
   * row starts with the field {@code DDBM_ROW}, so the parser knows where records begin from the
   * header's width, even for values with newlines, pipes or separators inside.
   */
  @Override
  public List<String> preamble() {
    return List.of("\\set QUIET on", "\\set ON_ERROR_STOP off", "\\pset pager off", "\\pset format unaligned", "\\pset tuples_only off", "\\pset fieldsep_zero on",
        "\\pset recordsep_zero on", "\\pset footer off", "\\pset null '\\001'", "SET default_transaction_read_only = on;");
  }

  @Override
  public List<String> timeout(int seconds) {
    return List.of("SET statement_timeout = " + (seconds * 1000L) + ";");
  }

  /** Queries order by names, never by position: the self-service row-start column would shift positions. */
  @Override
  public String selfServiceQuery(String sql) {
    return sql.startsWith("SELECT ") ? "SELECT 'DDBM_ROW' AS ddbm_row, " + sql.substring("SELECT ".length()) : sql;
  }

  /** User schemas: not the system ones, not temporary or TOAST schemas. */
  static final String USER_SCHEMA = "n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";

  /** Not created by an extension (CREATE EXTENSION owns its tables, views and types). */
  static String notExtension(String oid) {
    return "NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = " + oid + " AND x.deptype = 'e')";
  }

  /** Tables the analysis lists: ordinary and partitioned tables that are not themselves partitions. */
  static final String LISTED = "c.relkind IN ('r', 'p') AND NOT c.relispartition AND " + USER_SCHEMA + " AND " + notExtension("c.oid");

  static final String RULE = "WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END";

  /**
   * Everything from PostgreSQL's own catalog (pg_catalog), which every role can read whatever it
   * owns: information_schema shows constraints only to their owners.
   */
  @Override
  public List<AnalysisQuery> queries(String db, int n, int days) {
    String from = " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace";
    return List.of(
        new AnalysisQuery("table_analysis", Category.SCHEMA, "Tables",
            "SELECT n.nspname AS schema_name, c.relname AS table_name, CASE c.relkind WHEN 'p' THEN 'partitioned' ELSE 'table' END AS table_type,"
                + " p.partitions, CASE WHEN p.unanalysed > 0 THEN 'unknown' ELSE p.rows::text END AS row_estimate, p.data_bytes, p.index_bytes,"
                + " ROUND((p.data_bytes + p.index_bytes) / 1048576.0, 2) AS total_mb, obj_description(c.oid, 'pg_class') AS comment" + from
                + " CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE t.relid <> c.oid) AS partitions,"
                // never analysed: reltuples -1 (PostgreSQL 14+), or empty and never analysed or vacuumed (older servers)
                + " count(*) FILTER (WHERE r.relkind = 'r' AND (r.reltuples < 0 OR (r.reltuples = 0 AND r.relpages = 0"
                + " AND COALESCE(pg_stat_get_last_analyze_time(r.oid), pg_stat_get_last_autoanalyze_time(r.oid), pg_stat_get_last_vacuum_time(r.oid),"
                + " pg_stat_get_last_autovacuum_time(r.oid)) IS NULL))) AS unanalysed,"
                + " COALESCE(sum(GREATEST(r.reltuples, 0)) FILTER (WHERE r.relkind = 'r'), 0)::bigint AS rows,"
                + " COALESCE(sum(pg_table_size(t.relid)), 0) AS data_bytes, COALESCE(sum(pg_indexes_size(t.relid)), 0) AS index_bytes"
                + " FROM (SELECT c.oid AS relid UNION SELECT relid FROM pg_partition_tree(c.oid)) t JOIN pg_class r ON r.oid = t.relid"
                + ") p"
                + " WHERE " + LISTED + " AND current_database() = ? ORDER BY n.nspname, c.relname LIMIT " + (n + 1), List.of(db)),
        new AnalysisQuery("column_analysis", Category.SCHEMA, "Columns",
            "SELECT n.nspname AS schema_name, c.relname AS table_name, a.attnum AS ordinal_position, a.attname AS column_name,"
                + " format_type(a.atttypid, a.atttypmod) AS data_type,"
                + " CASE WHEN COALESCE(et.typtype, t.typtype) = 'e' THEN (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)::text FROM pg_enum e"
                + " WHERE e.enumtypid = COALESCE(et.oid, t.oid)) END AS enum_values,"
                + " CASE WHEN et.oid IS NOT NULL THEN format_type(et.oid, NULL) END AS array_element_type,"
                + " CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END AS is_nullable,"
                + " CASE WHEN EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p' AND a.attnum = ANY (k.conkey))"
                + " THEN 'YES' ELSE 'NO' END AS primary_key, pg_get_expr(d.adbin, d.adrelid) AS column_default, col_description(c.oid, a.attnum) AS comment"
                + from
                + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped JOIN pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_type et ON t.typcategory = 'A' AND et.oid = t.typelem LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
                + " WHERE " + LISTED + " AND current_database() = ? ORDER BY n.nspname, c.relname, a.attnum", List.of(db)),
        new AnalysisQuery("index_analysis", Category.SCHEMA, "Indexes",
            "SELECT n.nspname AS schema_name, c.relname AS table_name, ic.relname AS index_name, CASE WHEN i.indisunique THEN 'YES' ELSE 'NO' END AS is_unique,"
                + " CASE WHEN i.indisprimary THEN 'YES' ELSE 'NO' END AS is_primary,"
                + " (SELECT string_agg(pg_get_indexdef(i.indexrelid, k, true), ', ' ORDER BY k) FROM generate_series(1, i.indnkeyatts) k) AS columns,"
                + " pg_get_indexdef(i.indexrelid) AS definition" + from
                + " JOIN pg_index i ON i.indrelid = c.oid JOIN pg_class ic ON ic.oid = i.indexrelid"
                + " WHERE " + LISTED + " AND current_database() = ? ORDER BY n.nspname, c.relname, ic.relname", List.of(db)),
        new AnalysisQuery("foreign_key_analysis", Category.SCHEMA, "Foreign keys",
            "SELECT n.nspname AS schema_name, c.relname AS table_name, k.conname AS constraint_name,"
                + " string_agg(a.attname, ', ' ORDER BY u.ord) AS columns, rn.nspname AS referenced_schema, rc.relname AS referenced_table_name,"
                + " string_agg(ra.attname, ', ' ORDER BY u.ord) AS referenced_columns, CASE k.confupdtype " + RULE + " AS update_rule,"
                + " CASE k.confdeltype " + RULE + " AS delete_rule" + from
                + " JOIN pg_constraint k ON k.conrelid = c.oid AND k.contype = 'f' AND k.conparentid = 0"
                + " JOIN pg_class rc ON rc.oid = k.confrelid JOIN pg_namespace rn ON rn.oid = rc.relnamespace"
                + " CROSS JOIN LATERAL unnest(k.conkey, k.confkey) WITH ORDINALITY AS u(attnum, refnum, ord)"
                + " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = u.refnum"
                + " WHERE " + LISTED + " AND current_database() = ?"
                + " GROUP BY n.nspname, c.relname, k.oid, k.conname, rn.nspname, rc.relname, k.confupdtype, k.confdeltype ORDER BY n.nspname, c.relname, k.conname", List.of(db)),
        new AnalysisQuery("view_analysis", Category.SCHEMA, "Views",
            "SELECT n.nspname AS schema_name, c.relname AS view_name, CASE c.relkind WHEN 'm' THEN 'materialized view' ELSE 'view' END AS view_type,"
                + " (SELECT string_agg(a.attname, ', ' ORDER BY a.attnum) FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0"
                + " AND NOT a.attisdropped) AS columns" + from
                + " WHERE c.relkind IN ('v', 'm') AND " + USER_SCHEMA + " AND " + notExtension("c.oid") + " AND current_database() = ? ORDER BY n.nspname, c.relname LIMIT " + (n + 1),
            List.of(db)),
        new AnalysisQuery("statistics_status", Category.PERFORMANCE, "Statistics status",
            "SELECT (SELECT count(*) FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ?) AS entries,"
                + " (SELECT count(*) FROM pg_stat_statements) AS all_entries, current_setting('pg_stat_statements.max', true) AS max_entries,"
                + " i.dealloc AS evicted, to_char(i.stats_reset AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS since,"
                + " EXTRACT(EPOCH FROM (now() - i.stats_reset))::bigint AS window_seconds, current_setting('pg_stat_statements.track', true) AS track"
                + " FROM pg_stat_statements_info i", List.of(db)),
        new AnalysisQuery("query_pattern_analysis", Category.PERFORMANCE, "Query patterns",
            // rates use the real statistics window: calls are counted since stats_reset, whatever pattern_analysis_days says
            "SELECT s.query AS query_pattern, s.calls, ROUND(s.mean_exec_time::numeric, 3) AS avg_ms, s.rows AS rows_sent,"
                + " EXTRACT(EPOCH FROM (now() - i.stats_reset))::bigint AS window_seconds"
                + " FROM pg_stat_statements s CROSS JOIN pg_stat_statements_info i JOIN pg_database d ON d.oid = s.dbid"
                + " WHERE d.datname = ? ORDER BY s.calls DESC, s.query LIMIT " + (n + 1000), List.of(db)));
  }

  @Override
  public String runInstructions(String file, String db) {
    // psql reads a -d value with '=' or a URI prefix as a connection string: pass such names as dbname='...'
    String target = db.contains("=") || db.startsWith("postgres://") || db.startsWith("postgresql://")
        ? "dbname='" + db.replace("\\", "\\\\").replace("'", "\\'") + "'" : db;
    return "psql -h <host> -U <user> -d " + dev.ddbmodel.analyzer.internal.workload.Inputs.shellWord(target) + " -f " + dev.ddbmodel.analyzer.internal.workload.Inputs.shellWord(file)
        + " > results.txt";
  }
}
