package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.internal.dialect.Dialect;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * Opens the managed connection with bounded waits (connect and login within {@link
 * #CONNECT_SECONDS}, reads within the statement timeout plus a margin) and turns a failure into
 * its root cause in one line: authentication, unknown database, refused, timeout, unknown host,
 * TLS.
 */
public final class Connections {
  private Connections() {}

  static final int CONNECT_SECONDS = 10;

  public static Connection open(Dialect d, Credentials c, int port, String database, int statementTimeoutSeconds) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", c.username());
    p.setProperty("password", c.password());
    String read = Integer.toString(statementTimeoutSeconds + 15);
    switch (d.name()) {
      case "postgresql" -> {
        p.setProperty("connectTimeout", Integer.toString(CONNECT_SECONDS));
        p.setProperty("loginTimeout", Integer.toString(CONNECT_SECONDS));
        p.setProperty("socketTimeout", read);
        p.setProperty("ApplicationName", "ddbm-analyzer");
      }
      case "mysql" -> {
        p.setProperty("connectTimeout", Integer.toString(CONNECT_SECONDS * 1000));
        p.setProperty("socketTimeout", Integer.toString((statementTimeoutSeconds + 15) * 1000));
      }
      case "sqlserver" -> p.setProperty("loginTimeout", Integer.toString(CONNECT_SECONDS));
      case "oracle" -> {
        p.setProperty("oracle.net.CONNECT_TIMEOUT", Integer.toString(CONNECT_SECONDS * 1000));
        p.setProperty("oracle.jdbc.ReadTimeout", Integer.toString((statementTimeoutSeconds + 15) * 1000));
      }
      default -> { }
    }
    return DriverManager.getConnection(d.jdbcUrl(c.host(), port, database), p);
  }

  /** The root cause of a failed connection, in one line, never with the password. */
  public static String cause(SQLException e, Credentials c, int port, String database) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String msg = firstLine(e.getMessage());
    String lower = msg.toLowerCase(Locale.ROOT);
    if (state.equals("28P01") || state.equals("28000") || lower.contains("access denied") || lower.contains("password authentication failed")
        || lower.contains("login failed")) {
      return "authentication failed for user `" + Inputs.shown(c.username()) + "` (" + msg + ")";
    }
    if (lower.startsWith("no suitable driver")) { // the shaded ddbm.jar leaves Oracle's driver out (docs/third-party.md)
      return "no JDBC driver for this database on the class path: ddbm.jar does not bundle Oracle's; set DDBM_DRIVERS to the path of "
          + "ojdbc11.jar (from Maven Central, com.oracle.database.jdbc:ojdbc11) and run ddbm again, or use self_service mode";
    }
    if (state.equals("3D000") || lower.contains("unknown database") || (lower.contains("database") && lower.contains("does not exist"))) {
      return "unknown database `" + Inputs.shown(database) + "` (" + msg + ")";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        return "connection refused (nothing listens there, or a firewall rejects the connection)";
      }
      if (t instanceof SocketTimeoutException || (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("timed out"))) {
        return "timeout: no answer within " + CONNECT_SECONDS + " s (check the host, port, network path and security groups)";
      }
      if (t instanceof UnknownHostException) {
        return "unknown host `" + Inputs.shown(c.host()) + "` (the name does not resolve)";
      }
      if (t instanceof NoRouteToHostException) {
        return "no route to the host";
      }
      if (t instanceof javax.net.ssl.SSLException || t instanceof java.security.cert.CertificateException) {
        return "TLS failed: " + firstLine(t.getMessage());
      }
    }
    if (lower.contains("ssl") || lower.contains("tls")) {
      return "TLS failed: " + msg;
    }
    return (state.isEmpty() ? "" : state + ": ") + msg;
  }

  static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").strip();
  }
}
