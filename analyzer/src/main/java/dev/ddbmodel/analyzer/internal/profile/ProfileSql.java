package dev.ddbmodel.analyzer.internal.profile;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SQL of the profile, per engine, for both modes: managed mode sends these texts over JDBC,
 * the self-service file holds the same texts. Every statement is a SELECT without bind parameters
 * (names from the catalog are quoted, the schema is an escaped literal), and every column it
 * returns is a number or text whose characters are the server's own text form — so a JDBC
 * {@code getString} and a command-line client print the same thing.
 */
abstract class ProfileSql {
  /** The schema's name; {@code null} before it is known (the catalog statements then ask the connection's current one). */
  final String schema;

  ProfileSql(String schema) {
    this.schema = schema;
  }

  /** This engine's SQL for {@code schema}. */
  abstract ProfileSql forSchema(String schema);

  abstract String engine();

  abstract String quote(String identifier);

  /** A string literal, escaped the same way whatever the server's quoting settings. */
  abstract String literal(String s);

  /** The connection's current schema (PostgreSQL) or database (MySQL/MariaDB). */
  abstract String currentSchema();

  /** The schema in a catalog predicate: the literal when known, else the connection's current one. */
  String schemaRef() {
    return schema != null ? literal(schema) : currentSchema();
  }

  /** A table reference, schema-qualified. */
  String table(String name) {
    return quote(schema) + "." + quote(name);
  }

  /** A derived table of {@code columns} of {@code table}, about {@code fraction} of its rows, at most {@code limit}. */
  abstract String sample(String table, List<String> columns, double fraction, long limit);

  /** The schema's name (one row). */
  String schemaName() {
    return "SELECT " + schemaRef() + " AS schema_name";
  }

  /** Base tables: name, row estimate (-1 when unknown), 1 when the user may read it. */
  abstract String tables();

  /** Columns: table, column, item kind ({@code N}, {@code BOOL}, {@code B} or {@code S}), in column order. */
  abstract String columns();

  /** Index columns: table, index, 1 when primary, position, column, index cardinality (MySQL) or NULL. */
  abstract String indexes();

  /** Foreign key columns: constraint, child, parent, parent schema, position, child column, parent column. */
  abstract String foreignKeys();

  /** Per table: name, reads, writes, seconds the counters cover. */
  abstract String workload();

  String count(String t) {
    return "SELECT count(*) FROM " + table(t);
  }

  /** Whether the table can be read, without reading it: one row, 1 or 0 (an aggregate, so a client prints a row even when it is empty). */
  String access(String t) {
    return "SELECT count(*) FROM (SELECT 1 AS ddbm_one FROM " + table(t) + " LIMIT 1) x";
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

  /** A value as the server writes it as text. */
  abstract String text(String expr);

  /**
   * Heaviest values of a column, over all rows or a sample, with the rows of that same sample
   * (a window sum over the groups, so the share is computed within one statement). The NULL group
   * is returned too and dropped by the caller, hence one row more than {@code top}. Ties are
   * broken by the value, so every run returns the same rows.
   */
  String heaviest(String t, String column, double fraction, long limit, int top) {
    String from = fraction >= 1 ? table(t) + " s" : sample(t, List.of(column), fraction, limit) + " s";
    String c = "s." + quote(column);
    return "SELECT " + text(c) + " AS ddbm_v, count(*) AS ddbm_n, sum(count(*)) OVER () FROM " + from + " GROUP BY " + c + " ORDER BY ddbm_n DESC, " + c
        + " LIMIT " + (top + 1);
  }

  /** Distinct non-null values and rows, over all rows or a sample. */
  String distinct(String t, String column, double fraction, long limit) {
    String from = fraction >= 1 ? table(t) + " s" : sample(t, List.of(column), fraction, limit) + " s";
    return "SELECT count(DISTINCT s." + quote(column) + "), count(*) FROM " + from;
  }

  /** Stored row size (average to 4 decimals, maximum) over all rows or a sample. */
  abstract String rowSize(String t, List<String> columns, double fraction, long limit);

  /**
   * Per fetched row, per column what its DynamoDB attribute size needs: the number's text
   * ({@code N}), 1 ({@code BOOL}), the byte length ({@code B}) or the UTF-8 byte length of the
   * value's text ({@code S}); NULL for NULL. The sizes, not the values, cross the wire.
   */
  String items(String t, List<String> columns, List<String> kinds, double fraction, long limit) {
    StringBuilder sel = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      String c = "s." + quote(columns.get(i));
      sel.append(i == 0 ? "" : ", ").append(switch (kinds.get(i)) {
        case "N" -> text(c);
        case "BOOL" -> "CASE WHEN " + c + " IS NULL THEN NULL ELSE 1 END";
        case "B" -> byteLength(c);
        default -> utf8Length(c);
      });
    }
    return "SELECT " + sel + " FROM " + (fraction >= 1 ? "(SELECT " + cols("r", columns) + " FROM " + table(t) + " r LIMIT " + limit + ")"
        : sample(t, columns, fraction, limit)) + " s";
  }

  abstract String byteLength(String expr);

  abstract String utf8Length(String expr);

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.6f", Math.min(100.0, Math.max(0.000001, fraction * 100)));
  }

  static final class Postgres extends ProfileSql {
    Postgres(String schema) {
      super(schema);
    }

    @Override
    ProfileSql forSchema(String s) {
      return new Postgres(s);
    }

    @Override
    String engine() {
      return "PostgreSQL";
    }

    @Override
    String quote(String id) {
      return "\"" + id.replace("\"", "\"\"") + "\"";
    }

    /** An escape string literal: the same meaning whatever standard_conforming_strings says. */
    @Override
    String literal(String s) {
      return "E'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    String currentSchema() {
      return "current_schema()";
    }

    @Override
    String text(String expr) {
      return expr + "::text";
    }

    @Override
    String sample(String t, List<String> columns, double fraction, long limit) {
      return "(SELECT " + cols("r", columns) + " FROM " + table(t) + " r TABLESAMPLE BERNOULLI (" + percent(fraction) + ") LIMIT " + limit + ")";
    }

    @Override
    String tables() {
      return "SELECT c.relname, c.reltuples::bigint, CASE WHEN has_table_privilege(c.oid, 'SELECT') THEN 1 ELSE 0 END FROM pg_catalog.pg_class c "
          + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
          + "WHERE n.nspname = " + schemaRef() + " AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname";
    }

    @Override
    String columns() {
      // numbers: the numeric type category but money (its text has a currency sign); domains carry their base type's category
      return "SELECT c.relname, a.attname, CASE WHEN t.typcategory = 'N' AND t.oid <> 'pg_catalog.money'::regtype THEN 'N' "
          + "WHEN t.typcategory = 'B' THEN 'BOOL' WHEN t.oid = 'pg_catalog.bytea'::regtype OR t.typbasetype = 'pg_catalog.bytea'::regtype THEN 'B' ELSE 'S' END "
          + "FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid "
          + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
          + "WHERE n.nspname = " + schemaRef() + " AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum";
    }

    @Override
    String indexes() {
      return "SELECT c.relname, ic.relname, CASE WHEN i.indisprimary THEN 1 ELSE 0 END, k.ord, a.attname, NULL FROM pg_catalog.pg_index i "
          + "JOIN pg_catalog.pg_class c ON c.oid = i.indrelid JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
          + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
          + "CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) "
          + "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum WHERE n.nspname = " + schemaRef()
          + " ORDER BY c.relname, ic.relname, k.ord";
    }

    @Override
    String foreignKeys() {
      return "SELECT con.conname, c.relname, pc.relname, pn.nspname, k.ord, ca.attname, pa.attname FROM pg_catalog.pg_constraint con "
          + "JOIN pg_catalog.pg_class c ON c.oid = con.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
          + "JOIN pg_catalog.pg_class pc ON pc.oid = con.confrelid JOIN pg_catalog.pg_namespace pn ON pn.oid = pc.relnamespace "
          + "CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(ck, pk, ord) "
          + "JOIN pg_catalog.pg_attribute ca ON ca.attrelid = c.oid AND ca.attnum = k.ck "
          + "JOIN pg_catalog.pg_attribute pa ON pa.attrelid = pc.oid AND pa.attnum = k.pk "
          + "WHERE con.contype = 'f' AND n.nspname = " + schemaRef() + " ORDER BY c.relname, con.conname, k.ord";
    }

    /**
     * Planner statistics of the schema's columns (filled by ANALYZE / autovacuum), one row per
     * most common value up to {@code top}, one row with NULL value for a column without any:
     * table, column, n_distinct, position, value, frequency.
     */
    String stats(int top) {
      return "SELECT s.tablename, s.attname, s.n_distinct::text, m.ord, m.val, m.freq::text FROM pg_catalog.pg_stats s "
          + "LEFT JOIN LATERAL unnest(s.most_common_vals::text::text[], s.most_common_freqs) WITH ORDINALITY AS m(val, freq, ord) ON m.ord <= " + top
          + " WHERE s.schemaname = " + schemaRef() + " AND NOT s.inherited ORDER BY s.tablename, s.attname, m.ord";
    }

    @Override
    String workload() {
      return "SELECT s.relname, COALESCE(s.seq_scan, 0) + COALESCE(s.idx_scan, 0), s.n_tup_ins + s.n_tup_upd + s.n_tup_del, "
          + "round(EXTRACT(EPOCH FROM (now() - COALESCE(d.stats_reset, pg_postmaster_start_time())))::numeric, 3)::text "
          + "FROM pg_catalog.pg_stat_user_tables s CROSS JOIN (SELECT stats_reset FROM pg_catalog.pg_stat_database "
          + "WHERE datname = current_database()) d WHERE s.schemaname = " + schemaRef() + " ORDER BY s.relname";
    }

    @Override
    String rowSize(String t, List<String> columns, double fraction, long limit) {
      String from = fraction >= 1 ? table(t) + " s" : "(SELECT r.* FROM " + table(t) + " r TABLESAMPLE BERNOULLI (" + percent(fraction) + ") LIMIT " + limit + ") s";
      return "SELECT round(avg(pg_column_size(s.*)), 4)::text, max(pg_column_size(s.*)) FROM " + from;
    }

    @Override
    String byteLength(String expr) {
      return "octet_length(" + expr + ")";
    }

    @Override
    String utf8Length(String expr) {
      return "octet_length(convert_to(" + expr + "::text, 'UTF8'))";
    }
  }

  /**
   * MySQL and MariaDB. Where they differ, one statement serves both through the servers' own
   * version comments: MariaDB runs {@code /*M! ... *}{@code /} and skips MySQL's
   * {@code /*!50700 ... *}{@code /} to {@code /*!99999 ... *}{@code /}; MySQL (5.7 and later)
   * runs those and skips MariaDB's. No version needs to be known before the statement is written.
   */
  static final class MySql extends ProfileSql {
    MySql(String schema) {
      super(schema);
    }

    @Override
    ProfileSql forSchema(String s) {
      return new MySql(s);
    }

    @Override
    String engine() {
      return "MySQL/MariaDB";
    }

    @Override
    String quote(String id) {
      return "`" + id.replace("`", "``") + "`";
    }

    /** Backslash and quote doubled: the literal ends at the same place with or without NO_BACKSLASH_ESCAPES. */
    @Override
    String literal(String s) {
      return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    String currentSchema() {
      return "DATABASE()";
    }

    @Override
    String text(String expr) {
      return expr;
    }

    @Override
    String sample(String t, List<String> columns, double fraction, long limit) {
      return "(SELECT " + cols("r", columns) + " FROM " + table(t) + " r WHERE RAND() < " + String.format(Locale.ROOT, "%.8f", fraction) + " LIMIT " + limit + ")";
    }

    @Override
    String tables() {
      // readability is learnt from the first statement on each table (MySQL has no portable per-table privilege function)
      return "SELECT TABLE_NAME, COALESCE(TABLE_ROWS, -1), 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = " + schemaRef()
          + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";
    }

    @Override
    String columns() {
      return "SELECT TABLE_NAME, COLUMN_NAME, CASE WHEN COLUMN_TYPE LIKE 'tinyint(1)%' OR COLUMN_TYPE = 'bit(1)' THEN 'BOOL' "
          + "WHEN DATA_TYPE IN ('tinyint', 'smallint', 'mediumint', 'int', 'integer', 'bigint', 'decimal', 'numeric', 'float', 'double', 'real') THEN 'N' "
          + "WHEN DATA_TYPE IN ('binary', 'varbinary', 'tinyblob', 'blob', 'mediumblob', 'longblob', 'bit') THEN 'B' ELSE 'S' END "
          + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = " + schemaRef() + " ORDER BY TABLE_NAME, ORDINAL_POSITION";
    }

    @Override
    String indexes() {
      return "SELECT TABLE_NAME, INDEX_NAME, CASE WHEN INDEX_NAME = 'PRIMARY' THEN 1 ELSE 0 END, SEQ_IN_INDEX, COLUMN_NAME, CARDINALITY FROM information_schema.STATISTICS "
          + "WHERE TABLE_SCHEMA = " + schemaRef() + " ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
    }

    @Override
    String foreignKeys() {
      return "SELECT CONSTRAINT_NAME, TABLE_NAME, REFERENCED_TABLE_NAME, REFERENCED_TABLE_SCHEMA, ORDINAL_POSITION, COLUMN_NAME, REFERENCED_COLUMN_NAME "
          + "FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = " + schemaRef() + " AND REFERENCED_TABLE_NAME IS NOT NULL "
          + "ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION";
    }

    /** The server's uptime in seconds: MariaDB's information_schema.GLOBAL_STATUS, MySQL 5.7+'s performance_schema.global_status. */
    static final String UPTIME = "(SELECT VARIABLE_VALUE FROM /*M! information_schema.GLOBAL_STATUS */ /*!50700 performance_schema.global_status */"
        + " WHERE VARIABLE_NAME = 'Uptime')";

    @Override
    String workload() {
      return "SELECT OBJECT_NAME, COUNT_READ, COUNT_WRITE, " + UPTIME + " FROM performance_schema.table_io_waits_summary_by_table WHERE OBJECT_SCHEMA = "
          + schemaRef() + " AND OBJECT_TYPE = 'TABLE' ORDER BY OBJECT_NAME";
    }

    /**
     * The column histograms of the schema in one statement: table, column, nulls ratio, average
     * frequency, type, histogram. MariaDB: mysql.column_stats (the JSON_HB histograms only, the
     * binary ones name no values); MySQL 8: information_schema.COLUMN_STATISTICS.
     */
    String histograms() {
      return "SELECT /*M! table_name, column_name, nulls_ratio, avg_frequency, hist_type, CASE WHEN hist_type = 'JSON_HB' THEN histogram END"
          + " FROM mysql.column_stats WHERE db_name */ /*!80000 TABLE_NAME, COLUMN_NAME, NULL, NULL, 'MYSQL', HISTOGRAM"
          + " FROM information_schema.COLUMN_STATISTICS WHERE SCHEMA_NAME */ = " + schemaRef() + " ORDER BY 1, 2";
    }

    @Override
    String rowSize(String t, List<String> columns, double fraction, long limit) {
      String len = columns.stream().map(c -> "COALESCE(LENGTH(s." + quote(c) + "), 0)").collect(Collectors.joining(" + "));
      String from = fraction >= 1 ? table(t) + " s" : sample(t, columns, fraction, limit) + " s";
      return "SELECT ROUND(AVG(" + len + "), 4), MAX(" + len + ") FROM " + from;
    }

    @Override
    String byteLength(String expr) {
      return "LENGTH(" + expr + ")";
    }

    @Override
    String utf8Length(String expr) {
      return "LENGTH(CONVERT(" + expr + " USING utf8mb4))";
    }
  }
}
