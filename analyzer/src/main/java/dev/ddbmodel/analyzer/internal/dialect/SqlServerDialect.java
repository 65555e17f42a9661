package dev.ddbmodel.analyzer.internal.dialect;

import dev.ddbmodel.analyzer.internal.workload.AnalysisQuery;
import dev.ddbmodel.analyzer.internal.workload.AnalysisQuery.Category;
import java.util.List;

/** SQL Server: sys catalog views and the plan cache (dm_exec_query_stats). */
public final class SqlServerDialect implements Dialect {
  @Override
  public String name() {
    return "sqlserver";
  }

  @Override
  public int defaultPort() {
    return 1433;
  }

  @Override
  public String jdbcUrl(String host, int port, String database) {
    // a braced value may hold ';' and '=': the driver reads '}}' as '}'
    return "jdbc:sqlserver://" + host + ":" + port + ";databaseName={" + database.replace("}", "}}") + "};encrypt=true;trustServerCertificate=false";
  }

  @Override
  public IdentifierRules identifierRules() {
    return new IdentifierRules(128, false, true, true, "");
  }

  @Override
  public String literal(Object v) {
    if (!(v instanceof String)) {
      return Dialect.super.literal(v);
    }
    return "N'" + v.toString().replace("'", "''") + "'";
  }

  @Override
  public List<AnalysisQuery> queries(String db, int n, int days) {
    return List.of(
        new AnalysisQuery("table_analysis", Category.SCHEMA, "Tables",
            "SELECT TOP " + (n + 1) + " s.name AS schema_name, t.name AS table_name, SUM(p.rows) AS row_estimate,"
                + " SUM(a.used_pages) * 8192 AS data_bytes FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id"
                + " JOIN sys.partitions p ON p.object_id = t.object_id AND p.index_id IN (0, 1) JOIN sys.allocation_units a ON a.container_id = p.partition_id"
                + " WHERE DB_NAME() = ? GROUP BY s.name, t.name ORDER BY s.name, t.name", List.of(db)),
        new AnalysisQuery("column_analysis", Category.SCHEMA, "Columns",
            "SELECT TOP " + (n + 1) + " table_schema AS schema_name, table_name, column_name, ordinal_position, data_type, is_nullable, column_default"
                + " FROM information_schema.columns WHERE table_catalog = ? ORDER BY table_schema, table_name, ordinal_position", List.of(db)),
        new AnalysisQuery("index_analysis", Category.SCHEMA, "Indexes",
            "SELECT TOP " + (n + 1) + " OBJECT_NAME(i.object_id) AS table_name, i.name AS index_name, i.is_unique,"
                + " STRING_AGG(c.name, ', ') WITHIN GROUP (ORDER BY ic.key_ordinal) AS columns FROM sys.indexes i"
                + " JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id JOIN sys.columns c ON c.object_id = ic.object_id"
                + " AND c.column_id = ic.column_id WHERE OBJECTPROPERTY(i.object_id, 'IsUserTable') = 1 AND DB_NAME() = ?"
                + " GROUP BY i.object_id, i.name, i.is_unique ORDER BY 1, 2", List.of(db)),
        new AnalysisQuery("foreign_key_analysis", Category.SCHEMA, "Foreign keys",
            "SELECT TOP " + (n + 1) + " OBJECT_NAME(f.parent_object_id) AS table_name, COL_NAME(fc.parent_object_id, fc.parent_column_id) AS column_name,"
                + " f.name AS constraint_name, OBJECT_NAME(f.referenced_object_id) AS referenced_table_name,"
                + " COL_NAME(fc.referenced_object_id, fc.referenced_column_id) AS referenced_column_name FROM sys.foreign_keys f"
                + " JOIN sys.foreign_key_columns fc ON fc.constraint_object_id = f.object_id WHERE DB_NAME() = ? ORDER BY 1, 3", List.of(db)),
        new AnalysisQuery("query_pattern_analysis", Category.PERFORMANCE, "Query patterns",
            "SELECT TOP " + (n + 1) + " SUBSTRING(t.text, 1, 4000) AS query_pattern, s.execution_count AS calls,"
                + " CAST(s.total_elapsed_time / 1000.0 / s.execution_count AS DECIMAL(18, 3)) AS avg_ms, s.total_rows AS rows_sent,"
                + " DATEDIFF(SECOND, s.creation_time, s.last_execution_time) AS window_seconds FROM sys.dm_exec_query_stats s"
                + " CROSS APPLY sys.dm_exec_sql_text(s.sql_handle) t WHERE t.dbid = DB_ID(?) AND s.last_execution_time >= DATEADD(DAY, -?, GETDATE())"
                + " ORDER BY s.execution_count DESC", List.of(db, days)));
  }

  @Override
  public String runInstructions(String file, String db) {
    // -x: no $(variable) substitution inside the file
    return "sqlcmd -S <host> -U <user> -x -d " + dev.ddbmodel.analyzer.internal.workload.Inputs.shellWord(db) + " -i " + dev.ddbmodel.analyzer.internal.workload.Inputs.shellWord(file)
        + " -o results.txt";
  }
}
