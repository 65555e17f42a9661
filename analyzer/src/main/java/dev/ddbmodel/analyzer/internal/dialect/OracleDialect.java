package dev.ddbmodel.analyzer.internal.dialect;

import dev.ddbmodel.analyzer.internal.workload.AnalysisQuery;
import dev.ddbmodel.analyzer.internal.workload.AnalysisQuery.Category;
import java.util.List;
import java.util.Locale;

/** Oracle: ALL_* dictionary views and V$SQL; the identifier is the schema owner (upper-cased). */
public final class OracleDialect implements Dialect {
  @Override
  public String name() {
    return "oracle";
  }

  @Override
  public int defaultPort() {
    return 1521;
  }

  @Override
  public String jdbcUrl(String host, int port, String database) {
    return "jdbc:oracle:thin:@//" + host + ":" + port + "/" + database;
  }

  @Override
  public IdentifierRules identifierRules() {
    return new IdentifierRules(128, true, true, true, "\"");
  }

  @Override
  public List<String> preamble() {
    // no &name substitution inside the file, a read-only transaction, whole rows
    return List.of("SET DEFINE OFF", "SET PAGESIZE 50000", "SET LINESIZE 32767", "SET TRIMSPOOL ON", "SET FEEDBACK ON", "SET TRANSACTION READ ONLY;");
  }

  @Override
  public String marker(String text) {
    return "SELECT '" + text + "' AS ddbm_marker FROM dual;";
  }

  @Override
  public List<AnalysisQuery> queries(String owner, int n, int days) {
    String o = owner.toUpperCase(Locale.ROOT);
    String limit = " FETCH FIRST " + (n + 1) + " ROWS ONLY";
    return List.of(
        new AnalysisQuery("table_analysis", Category.SCHEMA, "Tables",
            "SELECT table_name, num_rows AS row_estimate, blocks * 8192 AS data_bytes FROM all_tables WHERE owner = ? ORDER BY table_name" + limit, List.of(o)),
        new AnalysisQuery("column_analysis", Category.SCHEMA, "Columns",
            "SELECT table_name, column_name, column_id AS ordinal_position, data_type, nullable AS is_nullable FROM all_tab_columns WHERE owner = ?"
                + " ORDER BY table_name, column_id" + limit, List.of(o)),
        new AnalysisQuery("index_analysis", Category.SCHEMA, "Indexes",
            "SELECT i.table_name, i.index_name, i.uniqueness AS is_unique, LISTAGG(c.column_name, ', ') WITHIN GROUP (ORDER BY c.column_position) AS columns"
                + " FROM all_indexes i JOIN all_ind_columns c ON c.index_owner = i.owner AND c.index_name = i.index_name WHERE i.owner = ?"
                + " GROUP BY i.table_name, i.index_name, i.uniqueness ORDER BY 1, 2" + limit, List.of(o)),
        new AnalysisQuery("foreign_key_analysis", Category.SCHEMA, "Foreign keys",
            "SELECT c.table_name, cc.column_name, c.constraint_name, r.table_name AS referenced_table_name, rc.column_name AS referenced_column_name"
                + " FROM all_constraints c JOIN all_cons_columns cc ON cc.owner = c.owner AND cc.constraint_name = c.constraint_name"
                + " JOIN all_constraints r ON r.owner = c.r_owner AND r.constraint_name = c.r_constraint_name"
                + " JOIN all_cons_columns rc ON rc.owner = r.owner AND rc.constraint_name = r.constraint_name AND rc.position = cc.position"
                + " WHERE c.constraint_type = 'R' AND c.owner = ? ORDER BY 1, 3" + limit, List.of(o)),
        new AnalysisQuery("query_pattern_analysis", Category.PERFORMANCE, "Query patterns",
            "SELECT SUBSTR(sql_text, 1, 1000) AS query_pattern, executions AS calls, ROUND(elapsed_time / 1000 / GREATEST(executions, 1), 3) AS avg_ms,"
                + " rows_processed AS rows_sent, ROUND((last_active_time - TO_DATE(first_load_time, 'YYYY-MM-DD/HH24:MI:SS')) * 86400) AS window_seconds"
                + " FROM v$sql WHERE parsing_schema_name = ? AND last_active_time >= SYSDATE - ? ORDER BY executions DESC" + limit, List.of(o, days)));
  }

  @Override
  public String runInstructions(String file, String owner) {
    return "sqlplus -S <user>@<host>:1521/<service> @" + dev.ddbmodel.analyzer.internal.workload.Inputs.shellWord(file) + " > results.txt   (the file sets the page and line sizes)";
  }
}
