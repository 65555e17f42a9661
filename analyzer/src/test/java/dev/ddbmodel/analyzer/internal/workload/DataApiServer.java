package dev.ddbmodel.analyzer.internal.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ddbmodel.core.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback server speaking the RDS Data API's REST-JSON protocol (BeginTransaction, Execute,
 * RollbackTransaction, CommitTransaction) in front of a real database reached over JDBC: the SDK
 * client, our named parameters, transactions, read-only settings and timeouts all meet a real
 * PostgreSQL or MariaDB. The "secret" maps to the database credentials as the service would.
 */
final class DataApiServer implements AutoCloseable {
  final String clusterArn;
  final String secretArn;
  private final String jdbcBase;
  private final String user;
  private final String password;
  private final HttpServer server;
  private final Map<String, Connection> transactions = new ConcurrentHashMap<>();
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<JsonNode> bodies = new CopyOnWriteArrayList<>();

  DataApiServer(String clusterArn, String secretArn, String jdbcBase, String user, String password) throws IOException {
    this.clusterArn = clusterArn;
    this.secretArn = secretArn;
    this.jdbcBase = jdbcBase;
    this.user = user;
    this.password = password;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  int openTransactions() {
    return transactions.size();
  }

  private void handle(HttpExchange ex) throws IOException {
    String op = ex.getRequestURI().getPath().substring(1);
    calls.add(op);
    JsonNode req = Json.parseTrusted(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    bodies.add(req);
    try {
      if (!clusterArn.equals(req.path("resourceArn").asText())) {
        throw new ApiError("BadRequestException", "HttpEndpoint is not enabled for resource " + req.path("resourceArn").asText());
      }
      if (!secretArn.equals(req.path("secretArn").asText())) {
        throw new ApiError("ForbiddenException", "not authorized to use the secret");
      }
      Object out = switch (op) {
        case "BeginTransaction" -> begin(req);
        case "Execute" -> execute(req);
        case "RollbackTransaction" -> finish(req, false);
        case "CommitTransaction" -> finish(req, true);
        default -> throw new ApiError("BadRequestException", "unknown operation " + op);
      };
      send(ex, 200, null, out);
    } catch (ApiError e) {
      send(ex, 400, e.type, Map.of("message", e.getMessage()));
    } catch (SQLException e) {
      send(ex, 400, "DatabaseErrorException", Map.of("message", "ERROR: " + e.getMessage().lines().findFirst().orElse("") + "; SQLState: " + e.getSQLState()));
    }
  }

  private Map<String, Object> begin(JsonNode req) throws SQLException {
    Connection c = DriverManager.getConnection(jdbcBase + req.path("database").asText(), user, password);
    c.setAutoCommit(false);
    String id = UUID.randomUUID().toString();
    transactions.put(id, c);
    return Map.of("transactionId", id);
  }

  private Map<String, Object> finish(JsonNode req, boolean commit) throws SQLException {
    Connection c = transactions.remove(req.path("transactionId").asText());
    if (c == null) {
      throw new ApiError("NotFoundException", "Transaction " + req.path("transactionId").asText() + " is not found");
    }
    try (c) {
      if (commit) {
        c.commit();
      } else {
        c.rollback();
      }
    }
    return Map.of("transactionStatus", commit ? "Transaction Committed" : "Rollback Complete");
  }

  static final Pattern NAMED = Pattern.compile(":(p\\d+)\\b");

  private Map<String, Object> execute(JsonNode req) throws SQLException {
    Connection c = transactions.get(req.path("transactionId").asText());
    boolean own = c == null;
    if (own) {
      c = DriverManager.getConnection(jdbcBase + req.path("database").asText(), user, password);
    }
    try {
      Map<String, JsonNode> values = new LinkedHashMap<>();
      req.path("parameters").forEach(p -> values.put(p.path("name").asText(), p.path("value")));
      List<JsonNode> bind = new ArrayList<>();
      StringBuilder sql = new StringBuilder();
      Matcher m = NAMED.matcher(req.path("sql").asText());
      while (m.find()) {
        JsonNode v = values.get(m.group(1));
        if (v == null) {
          throw new ApiError("BadRequestException", "No value specified for parameter: " + m.group(1));
        }
        bind.add(v);
        m.appendReplacement(sql, "?");
      }
      m.appendTail(sql);
      try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < bind.size(); i++) {
          JsonNode v = bind.get(i);
          if (v.has("longValue")) {
            ps.setLong(i + 1, v.get("longValue").asLong());
          } else {
            ps.setString(i + 1, v.path("stringValue").asText());
          }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (!ps.execute()) {
          out.put("numberOfRecordsUpdated", ps.getUpdateCount());
          return out;
        }
        try (ResultSet rs = ps.getResultSet()) {
          ResultSetMetaData md = rs.getMetaData();
          List<Object> meta = new ArrayList<>();
          for (int i = 1; i <= md.getColumnCount(); i++) {
            meta.add(Map.of("name", md.getColumnName(i), "label", md.getColumnLabel(i), "typeName", md.getColumnTypeName(i)));
          }
          List<Object> records = new ArrayList<>();
          while (rs.next()) {
            List<Object> rec = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              rec.add(field(rs.getObject(i)));
            }
            records.add(rec);
          }
          if (req.path("includeResultMetadata").asBoolean(false)) {
            out.put("columnMetadata", meta);
          }
          out.put("records", records);
          out.put("numberOfRecordsUpdated", 0);
          return out;
        }
      }
    } finally {
      if (own) {
        c.close();
      }
    }
  }

  private static Map<String, Object> field(Object v) {
    if (v == null) {
      return Map.of("isNull", true);
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return Map.of("longValue", ((Number) v).longValue());
    }
    if (v instanceof Double || v instanceof Float) {
      return Map.of("doubleValue", ((Number) v).doubleValue());
    }
    if (v instanceof Boolean b) {
      return Map.of("booleanValue", b);
    }
    if (v instanceof BigDecimal d) {
      return Map.of("stringValue", d.toPlainString()); // DECIMAL arrives as a string, as in the service
    }
    return Map.of("stringValue", v.toString());
  }

  private static void send(HttpExchange ex, int status, String errorType, Object body) throws IOException {
    byte[] bytes = Json.compact(body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    if (errorType != null) {
      ex.getResponseHeaders().add("x-amzn-ErrorType", errorType);
    }
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
    transactions.values().forEach(c -> {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    });
  }

  private static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String type;

    ApiError(String type, String message) {
      super(message);
      this.type = type;
    }
  }
}
