package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.ResultTable;
import dev.ddbmodel.analyzer.internal.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs the queries over JDBC: one read-only connection with bounded waits, bind parameters, timeouts. */
public final class Managed {
  private Managed() {}

  public static List<ResultTable> run(Dialect d, Credentials c, int port, String database, List<AnalysisQuery> queries, int maxRows, int timeoutSeconds)
      throws SQLException {
    return run(d, c, port, database, x -> queries, maxRows, timeoutSeconds);
  }

  /**
   * Runs the queries of the dialect for the server found ({@link Dialect#forServer}: the server's
   * version is asked first when the dialect's SQL depends on it, e.g. MySQL 8's status variables).
   */
  public static List<ResultTable> run(Dialect d, Credentials c, int port, String database, java.util.function.Function<Dialect, List<AnalysisQuery>> queriesFor,
      int maxRows, int timeoutSeconds) throws SQLException {
    List<ResultTable> out = new ArrayList<>();
    try (Connection conn = Connections.open(d, c, port, database, timeoutSeconds)) {
      conn.setReadOnly(true);
      if (d.name().equals("mysql")) {
        // the URL names no database (no name can add URL properties): check it exists and is visible
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
          ps.setString(1, database);
          try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new SQLException("Unknown database '" + database + "' (or not visible to this user)", "42000", 1049);
            }
          }
        }
        conn.setCatalog(database);
      }
      try (Statement s = conn.createStatement()) {
        switch (d.name()) {
          case "postgresql" -> {
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
            s.execute("SET statement_timeout = " + (timeoutSeconds * 1000));
          }
          case "mysql" -> {
            s.execute("SET SESSION TRANSACTION READ ONLY");
            s.execute("SET SESSION max_statement_time = " + timeoutSeconds);
          }
          default -> { }
        }
      } catch (SQLException e) {
        // older MySQL has max_execution_time instead; the JDBC query timeout below still applies
        if (d.name().equals("mysql")) {
          try (Statement s = conn.createStatement()) {
            s.execute("SET SESSION max_execution_time = " + (timeoutSeconds * 1000));
          } catch (SQLException ignored) {
            // JDBC timeout only
          }
        }
      }
      Dialect server = d;
      if (d.versionQuery() != null) {
        try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery(d.versionQuery())) {
          server = d.forServer(rs.next() ? rs.getString(1) : null);
        } catch (SQLException e) {
          server = d; // the dialect's default SQL
        }
      }
      for (AnalysisQuery q : queriesFor.apply(server)) {
        out.add(one(conn, q, maxRows, timeoutSeconds));
      }
    }
    return out;
  }

  static ResultTable one(Connection conn, AnalysisQuery q, int maxRows, int timeoutSeconds) {
    try (PreparedStatement ps = conn.prepareStatement(q.sql())) {
      ps.setQueryTimeout(timeoutSeconds);
      ps.setMaxRows(maxRows + 1);
      for (int i = 0; i < q.parameters().size(); i++) {
        ps.setObject(i + 1, q.parameters().get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        ResultSetMetaData md = rs.getMetaData();
        List<String> cols = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          cols.add(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
        }
        List<List<String>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
          if (rows.size() == maxRows) {
            truncated = true;
            break;
          }
          List<String> r = new ArrayList<>();
          for (int i = 1; i <= cols.size(); i++) {
            // the server's text form, as a command-line client prints it
            r.add(rs.getString(i));
          }
          rows.add(r);
        }
        return new ResultTable(q.name(), cols, rows, truncated, "");
      }
    } catch (SQLException e) {
      return ResultTable.failed(q.name(), e.getSQLState() + ": " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
