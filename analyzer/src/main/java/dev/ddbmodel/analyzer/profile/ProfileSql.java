package dev.ddbmodel.analyzer.profile;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL the profiler sends, per engine. Every statement is a SELECT; identifiers come from the
 * catalog and are quoted (never spliced raw), values are bound parameters.
 */
abstract class ProfileSql {
  final String schema;

  ProfileSql(String schema) {
    this.schema = schema;
  }

  abstract String engine();

  abstract String quote(String identifier);

  /** A table reference, schema-qualified. */
  String table(String name) {
    return quote(schema) + "." + quote(name);
  }

  /** A derived table of {@code columns} of {@code table}, about {@code fraction} of its rows, at most {@code limit}. */
  abstract String sample(String table, List<String> columns, double fraction, long limit);

  abstract String tables();

  abstract String columns();

  abstract String indexes();

  abstract String foreignKeys();

  abstract String workload();

  String count(String t) {
    return "SELECT count(*) FROM " + table(t);
  }

  String cols(String alias, List<String> columns) {
    return columns.stream().map(c -> alias + "." + quote(c)).collect(Collectors.joining(", "));
  }

  /** Children-per-parent histogram over all parents (one scan of each table). */
  String childrenExact(String child, List<String> childColumns, String parent, List<String> parentColumns) {
    StringBuilder on = new StringBuilder();
    StringBuilder notNull = new StringBuilder();
    for (int i = 0; i < childColumns.size(); i++) {
      on.append(i == 0 ? "" : " AND ").append("g.").append(quote(childColumns.get(i))).append(" = p.").append(quote(parentColumns.get(i)));
      notNull.append(i == 0 ? "" : " AND ").append("c.").append(quote(childColumns.get(i))).append(" IS NOT NULL");
    }
    return "SELECT x.ddbm_n, count(*) FROM (SELECT COALESCE(g.ddbm_n, 0) AS ddbm_n FROM " + table(parent) + " p LEFT JOIN (SELECT "
        + cols("c", childColumns) + ", count(*) AS ddbm_n FROM " + table(child) + " c WHERE " + notNull + " GROUP BY " + cols("c", childColumns)
        + ") g ON " + on + ") x GROUP BY x.ddbm_n ORDER BY x.ddbm_n";
  }

  /** Children-per-parent histogram over a sample of parents (a correlated count per sampled parent, using the child's index). */
  String childrenSampled(String child, List<String> childColumns, String parent, List<String> parentColumns, double fraction, long limit) {
    StringBuilder on = new StringBuilder();
    for (int i = 0; i < childColumns.size(); i++) {
      on.append(i == 0 ? "" : " AND ").append("c.").append(quote(childColumns.get(i))).append(" = p.").append(quote(parentColumns.get(i)));
    }
    return "SELECT x.ddbm_n, count(*) FROM (SELECT (SELECT count(*) FROM " + table(child) + " c WHERE " + on + ") AS ddbm_n FROM "
        + sample(parent, parentColumns, fraction, limit) + " p) x GROUP BY x.ddbm_n ORDER BY x.ddbm_n";
  }

  /**
   * Heaviest values of a column, over all rows or a sample, with the rows of that same sample
   * (a window sum over the groups, so the share is computed within one statement). The NULL group
   * is returned too and dropped by the caller, hence one row more than {@code top}.
   */
  String heaviest(String t, String column, double fraction, long limit, int top) {
    String from = fraction >= 1 ? table(t) + " s" : sample(t, List.of(column), fraction, limit) + " s";
    String c = "s." + quote(column);
    return "SELECT " + c + ", count(*) AS ddbm_n, sum(count(*)) OVER () FROM " + from + " GROUP BY " + c + " ORDER BY ddbm_n DESC LIMIT " + (top + 1);
  }

  /** Distinct non-null values and rows, over all rows or a sample. */
  String distinct(String t, String column, double fraction, long limit) {
    String from = fraction >= 1 ? table(t) + " s" : sample(t, List.of(column), fraction, limit) + " s";
    return "SELECT count(DISTINCT s." + quote(column) + "), count(*) FROM " + from;
  }

  /** Stored row size (average, maximum) over all rows or a sample. */
  abstract String rowSize(String t, List<String> columns, double fraction, long limit);

  /** Rows fetched to compute DynamoDB item sizes. */
  String items(String t, List<String> columns, double fraction, long limit) {
    return "SELECT s.* FROM " + (fraction >= 1 ? "(SELECT " + cols("r", columns) + " FROM " + table(t) + " r LIMIT " + limit + ")" : sample(t, columns, fraction, limit)) + " s";
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.6f", Math.min(100.0, Math.max(0.000001, fraction * 100)));
  }

  static final class Postgres extends ProfileSql {
    Postgres(String schema) {
      super(schema);
    }

    @Override
    String engine() {
      return "PostgreSQL";
    }

    @Override
    String quote(String id) {
      return "\"" + id.replace("\"", "\"\"") + "\"";
    }

    @Override
    String sample(String t, List<String> columns, double fraction, long limit) {
      return "(SELECT " + cols("r", columns) + " FROM " + table(t) + " r TABLESAMPLE BERNOULLI (" + percent(fraction) + ") LIMIT " + limit + ")";
    }

    @Override
    String tables() {
      return "SELECT c.relname, c.reltuples::bigint, has_table_privilege(c.oid, 'SELECT') FROM pg_catalog.pg_class c "
          + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
          + "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname";
    }

    @Override
    String columns() {
      return "SELECT c.relname, a.attname FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
          + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 "
          + "AND NOT a.attisdropped ORDER BY c.relname, a.attnum";
    }

    @Override
    String indexes() {
      return "SELECT c.relname, ic.relname, i.indisprimary, k.ord, a.attname FROM pg_catalog.pg_index i "
          + "JOIN pg_catalog.pg_class c ON c.oid = i.indrelid JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
          + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
          + "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
          + "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum WHERE n.nspname = ? ORDER BY c.relname, ic.relname, k.ord";
    }

    @Override
    String foreignKeys() {
      return "SELECT con.conname, c.relname, pc.relname, pn.nspname, k.ord, ca.attname, pa.attname FROM pg_catalog.pg_constraint con "
          + "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
          + "JOIN pg_catalog.pg_class pc ON pc.oid = con.confrelid JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace "
          + "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(ck, pk, ord) "
          + "JOIN pg_catalog.pg_attribute ca ON ca.attrelid = c.oid AND ca.attnum = k.ck "
          + "JOIN pg_catalog.pg_attribute pa ON pa.attrelid = pc.oid AND pa.attnum = k.pk "
          + "WHERE con.contype = 'f' AND n.nspname = ? ORDER BY c.relname, con.conname, k.ord";
    }

    /** Planner statistics per column (filled by ANALYZE / autovacuum). */
    String stats() {
      return "SELECT attname, n_distinct, most_common_vals::text::text[], most_common_freqs FROM pg_catalog.pg_stats "
          + "WHERE schemaname = ? AND tablename = ? AND NOT inherited";
    }

    @Override
    String workload() {
      return "SELECT s.relname, COALESCE(s.seq_scan, 0) + COALESCE(s.idx_scan, 0), s.n_tup_ins + s.n_tup_upd + s.n_tup_del, "
          + "EXTRACT(EPOCH FROM (now() - COALESCE(d.stats_reset, pg_postmaster_start_time())))::float8 "
          + "FROM pg_catalog.pg_stat_user_tables s CROSS JOIN (SELECT stats_reset FROM pg_catalog.pg_stat_database "
          + "WHERE datname = current_database()) d WHERE s.schemaname = ?";
    }

    @Override
    String rowSize(String t, List<String> columns, double fraction, long limit) {
      String from = fraction >= 1 ? table(t) + " s" : "(SELECT r.* FROM " + table(t) + " r TABLESAMPLE BERNOULLI (" + percent(fraction) + ") LIMIT " + limit + ") s";
      return "SELECT avg(pg_column_size(s.*))::float8, max(pg_column_size(s.*)) FROM " + from;
    }
  }

  static final class MySql extends ProfileSql {
    MySql(String schema) {
      super(schema);
    }

    @Override
    String engine() {
      return "MySQL/MariaDB";
    }

    @Override
    String quote(String id) {
      return "`" + id.replace("`", "``") + "`";
    }

    @Override
    String sample(String t, List<String> columns, double fraction, long limit) {
      return "(SELECT " + cols("r", columns) + " FROM " + table(t) + " r WHERE RAND() < " + String.format(Locale.ROOT, "%.8f", fraction) + " LIMIT " + limit + ")";
    }

    @Override
    String tables() {
      // readability is learnt from the first statement on each table (MySQL has no portable per-table privilege function)
      return "SELECT TABLE_NAME, TABLE_ROWS, 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";
    }

    @Override
    String columns() {
      return "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION";
    }

    @Override
    String indexes() {
      return "SELECT TABLE_NAME, INDEX_NAME, INDEX_NAME = 'PRIMARY', SEQ_IN_INDEX, COLUMN_NAME, CARDINALITY FROM information_schema.STATISTICS "
          + "WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
    }

    @Override
    String foreignKeys() {
      return "SELECT CONSTRAINT_NAME, TABLE_NAME, REFERENCED_TABLE_NAME, REFERENCED_TABLE_SCHEMA, ORDINAL_POSITION, COLUMN_NAME, REFERENCED_COLUMN_NAME "
          + "FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL "
          + "ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION";
    }

    @Override
    String workload() {
      return "SELECT OBJECT_NAME, COUNT_READ, COUNT_WRITE FROM performance_schema.table_io_waits_summary_by_table WHERE OBJECT_SCHEMA = ? AND OBJECT_TYPE = 'TABLE'";
    }

    /** MariaDB's engine-independent statistics of the schema's columns (needs SELECT on mysql.column_stats). */
    String mariaDbHistograms() {
      return "SELECT table_name, column_name, nulls_ratio, avg_frequency, hist_type, histogram FROM mysql.column_stats WHERE db_name = ?";
    }

    /** MySQL 8's histograms of the schema's columns. */
    String mySqlHistograms() {
      return "SELECT TABLE_NAME, COLUMN_NAME, HISTOGRAM FROM information_schema.COLUMN_STATISTICS WHERE SCHEMA_NAME = ?";
    }

    String uptime() {
      return "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'UPTIME'";
    }

    String uptimeMySql8() {
      return "SELECT VARIABLE_VALUE FROM performance_schema.global_status WHERE VARIABLE_NAME = 'Uptime'";
    }

    @Override
    String rowSize(String t, List<String> columns, double fraction, long limit) {
      String len = columns.stream().map(c -> "COALESCE(LENGTH(s." + quote(c) + "), 0)").collect(Collectors.joining(" + "));
      String from = fraction >= 1 ? table(t) + " s" : sample(t, columns, fraction, limit) + " s";
      return "SELECT AVG(" + len + "), MAX(" + len + ") FROM " + from;
    }
  }
}
