package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.ResultTable;
import dev.ddbmodel.analyzer.internal.dialect.Dialect;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Validated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.model.ColumnMetadata;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.Field;
import software.amazon.awssdk.services.rdsdata.model.RdsDataException;
import software.amazon.awssdk.services.rdsdata.model.SqlParameter;

/**
 * Managed mode over the RDS Data API (Aurora MySQL and Aurora PostgreSQL with the Data API
 * enabled). The service reads the secret itself; we never see the password.
 *
 * <p>All queries run inside one Data API transaction that is always rolled back, so nothing the
 * analysis does can persist. On PostgreSQL the transaction is also declared {@code READ ONLY} and
 * gets a {@code statement_timeout}; on MySQL a transaction cannot be made read-only after it has
 * begun, so there the rollback and a read-only database user are the guarantees, plus
 * {@code max_execution_time}. Each call has {@code continueAfterTimeout=false} and a client-side
 * deadline. Values are sent as Data API bind parameters, never pasted into the SQL.
 */
public final class DataApi {
  private DataApi() {}

  /** {@code arn:aws:rds:REGION:ACCOUNT:cluster:NAME} (also aws-cn / aws-us-gov partitions). */
  static final Pattern CLUSTER_ARN = Pattern.compile("arn:(aws[a-z-]*):rds:([a-z0-9-]+):(\\d{12}):cluster:([A-Za-z][A-Za-z0-9-]{0,62})");
  static final Pattern SECRET_ARN = Pattern.compile("arn:(aws[a-z-]*):secretsmanager:([a-z0-9-]+):(\\d{12}):secret:.+");

  /** Checks the ARNs and region against each other before anything is called. */
  static Validated<String> checkTarget(Dialect d, AnalyzerRequest r) {
    List<Diagnostic> errors = new ArrayList<>();
    String cluster = r.awsClusterArn().orElse("").trim();
    if (!d.name().equals("mysql") && !d.name().equals("postgresql")) {
      errors.add(err("Analyzer.DataApiEngine", "the RDS Data API serves Aurora MySQL and Aurora PostgreSQL only, not " + d.name(),
          "connect directly with hostname (and aws_secret_arn or a username)"));
    }
    Matcher cm = CLUSTER_ARN.matcher(cluster);
    if (!cm.matches()) {
      errors.add(err("Analyzer.ClusterArn", "`aws_cluster_arn` `" + cluster + "` is not an Aurora cluster ARN",
          "use arn:aws:rds:<region>:<account>:cluster:<cluster-name> (RDS console, cluster > Configuration)"));
    }
    Optional<String> secret = r.awsSecretArn().map(String::trim).filter(s -> !s.isEmpty());
    if (secret.isEmpty()) {
      errors.add(err("Analyzer.MissingSecret", "the Data API needs `aws_secret_arn` (a Secrets Manager secret with the database credentials)",
          "pass aws_secret_arn (or set MYSQL_SECRET_ARN)"));
    } else if (!SECRET_ARN.matcher(secret.get()).matches()) {
      errors.add(err("Analyzer.SecretArn", "`aws_secret_arn` `" + secret.get() + "` is not a Secrets Manager secret ARN",
          "use arn:aws:secretsmanager:<region>:<account>:secret:<name>"));
    }
    String region = r.awsRegion().map(String::trim).orElse("");
    if (region.isEmpty() && cm.matches()) {
      region = cm.group(2);
    }
    if (region.isEmpty()) {
      errors.add(err("Analyzer.MissingRegion", "`aws_region` is required for the Data API", "pass aws_region (or set AWS_REGION)"));
    } else if (cm.matches() && !cm.group(2).equals(region)) {
      errors.add(err("Analyzer.RegionMismatch", "the cluster is in `" + cm.group(2) + "` but `aws_region` is `" + region + "`",
          "pass aws_region " + cm.group(2)));
    }
    if (cm.matches() && secret.isPresent()) {
      Matcher sm = SECRET_ARN.matcher(secret.get());
      if (sm.matches() && (!sm.group(3).equals(cm.group(3)) || !sm.group(2).equals(cm.group(2)))) {
        errors.add(err("Analyzer.SecretAccount", "the secret (" + sm.group(2) + ", account " + sm.group(3) + ") is not in the cluster's region and account ("
            + cm.group(2) + ", account " + cm.group(3) + ")", "use the cluster's own secret; the Data API needs both in the same account and region"));
      }
    }
    return errors.isEmpty() ? Validated.valid(region) : Validated.invalid(errors);
  }

  /**
   * The whole Data API path: target checks, then the queries; refusals by the service and
   * unreachable endpoints become diagnostics.
   */
  public static Validated<List<ResultTable>> analyze(Dialect d, AnalyzerRequest r, String database, java.util.function.Function<Dialect, List<AnalysisQuery>> queries) {
    Validated<String> region = checkTarget(d, r);
    if (!region.isValid()) {
      return Validated.invalid(region.errors());
    }
    try {
      return Validated.valid(run(d, r, region.unwrap(), database, queries, Limits.FETCH_CAP, r.statementTimeoutSeconds()));
    } catch (RdsDataException e) {
      String code = e.awsErrorDetails() == null ? "error" : e.awsErrorDetails().errorCode();
      return Validated.invalid(err("Analyzer.DataApi", "the RDS Data API refused the analysis: " + code
              + (e.awsErrorDetails() == null ? "" : ": " + e.awsErrorDetails().errorMessage()),
          "check that the Data API is enabled on the cluster, the secret belongs to it, and the IAM permissions rds-data:BeginTransaction,"
              + " rds-data:ExecuteStatement, rds-data:RollbackTransaction and secretsmanager:GetSecretValue"));
    } catch (SdkClientException e) {
      return Validated.invalid(Diagnostic.environment("Analyzer.AwsAccess", "cannot reach the RDS Data API: " + Credentials.clientProblem(e),
          SourceLocation.NONE, "configure AWS credentials (environment, profile or role) and network access to rds-data in the region"));
    }
  }

  static List<ResultTable> run(Dialect d, AnalyzerRequest r, String region, String database, List<AnalysisQuery> queries, int maxRows, int timeoutSeconds) {
    return run(d, r, region, database, x -> queries, maxRows, timeoutSeconds);
  }

  /** As {@link Managed#run}: the server's version is asked first when the dialect's SQL depends on it (Aurora MySQL 3 is MySQL 8). */
  static List<ResultTable> run(Dialect d, AnalyzerRequest r, String region, String database, java.util.function.Function<Dialect, List<AnalysisQuery>> queriesFor,
      int maxRows, int timeoutSeconds) {
    String cluster = r.awsClusterArn().orElseThrow().trim();
    String secret = r.awsSecretArn().orElseThrow().trim();
    var b = RdsDataClient.builder().region(Region.of(region)).credentialsProvider(r.awsCredentials())
        .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(timeoutSeconds + 15)).build())
        .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(timeoutSeconds + 20)));
    r.rdsDataEndpoint().ifPresent(b::endpointOverride);
    List<ResultTable> out = new ArrayList<>();
    try (RdsDataClient client = b.build()) {
      String tx = client.beginTransaction(t -> t.resourceArn(cluster).secretArn(secret).database(database)).transactionId();
      try {
        for (String setting : settings(d, timeoutSeconds)) {
          try {
            client.executeStatement(e -> e.resourceArn(cluster).secretArn(secret).database(database).transactionId(tx).sql(setting).continueAfterTimeout(false));
          } catch (RdsDataException e) {
            if (setting.contains("READ ONLY")) {
              throw e; // the read-only guarantee is not optional
            }
            // a server without max_execution_time: the client-side deadline still applies
          }
        }
        Dialect server = d;
        if (d.versionQuery() != null) {
          ResultTable v = one(client, cluster, secret, database, tx, new AnalysisQuery("server_version", AnalysisQuery.Category.SCHEMA, "Server version",
              d.versionQuery(), List.of()), 1);
          server = d.forServer(v.failed() || v.rows().isEmpty() ? null : v.rows().get(0).get(0));
        }
        for (AnalysisQuery q : queriesFor.apply(server)) {
          out.add(one(client, cluster, secret, database, tx, q, maxRows));
        }
      } finally {
        client.rollbackTransaction(t -> t.resourceArn(cluster).secretArn(secret).transactionId(tx));
      }
    }
    return out;
  }

  static List<String> settings(Dialect d, int timeoutSeconds) {
    return switch (d.name()) {
      case "postgresql" -> List.of("SET TRANSACTION READ ONLY", "SET LOCAL statement_timeout = " + (timeoutSeconds * 1000));
      case "mysql" -> List.of("SET SESSION max_execution_time = " + (timeoutSeconds * 1000));
      default -> List.of();
    };
  }

  private static ResultTable one(RdsDataClient client, String cluster, String secret, String database, String tx, AnalysisQuery q, int maxRows) {
    List<SqlParameter> params = new ArrayList<>();
    for (int i = 0; i < q.parameters().size(); i++) {
      Object v = q.parameters().get(i);
      Field f = v instanceof Number n ? Field.builder().longValue(n.longValue()).build() : Field.builder().stringValue(v.toString()).build();
      params.add(SqlParameter.builder().name("p" + (i + 1)).value(f).build());
    }
    String sql = namedParameters(q.sql());
    ExecuteStatementResponse res;
    try {
      res = client.executeStatement(e -> e.resourceArn(cluster).secretArn(secret).database(database).transactionId(tx).sql(sql).parameters(params)
          .includeResultMetadata(true).continueAfterTimeout(false));
    } catch (RdsDataException e) {
      String code = e.awsErrorDetails() == null ? "error" : e.awsErrorDetails().errorCode();
      String msg = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      msg = msg == null ? "" : msg.lines().findFirst().orElse("");
      if (msg.toLowerCase(Locale.ROOT).contains("response size")) {
        msg += " (the Data API returns at most 1 MB per statement; lower max_query_results)";
      }
      return ResultTable.failed(q.name(), code + ": " + msg);
    }
    List<String> cols = new ArrayList<>();
    for (ColumnMetadata c : res.columnMetadata()) {
      cols.add((c.label() != null ? c.label() : c.name()).toLowerCase(Locale.ROOT));
    }
    List<List<String>> rows = new ArrayList<>();
    boolean truncated = false;
    for (List<Field> rec : res.records()) {
      if (rows.size() == maxRows) {
        truncated = true;
        break;
      }
      List<String> row = new ArrayList<>();
      rec.forEach(f -> row.add(text(f)));
      rows.add(row);
    }
    return new ResultTable(q.name(), cols, rows, truncated, "");
  }

  /** A cell as text: SQL NULL as null, numbers as written, binary as a length note. */
  static String text(Field f) {
    if (Boolean.TRUE.equals(f.isNull())) {
      return null;
    }
    if (f.stringValue() != null) {
      return f.stringValue();
    }
    if (f.longValue() != null) {
      return f.longValue().toString();
    }
    if (f.doubleValue() != null) {
      return f.doubleValue().toString();
    }
    if (f.booleanValue() != null) {
      return f.booleanValue().toString();
    }
    if (f.blobValue() != null) {
      return "<" + f.blobValue().asByteArrayUnsafe().length + " bytes>";
    }
    if (f.arrayValue() != null) {
      return f.arrayValue().toString();
    }
    return null;
  }

  /**
   * Replaces each {@code ?} placeholder outside string literals, quoted identifiers and comments
   * with {@code :p1}, {@code :p2}, ... (the Data API's named parameters).
   */
  static String namedParameters(String sql) {
    StringBuilder sb = new StringBuilder(sql.length() + 8);
    int n = 0;
    char quote = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (quote != 0) {
        sb.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        sb.append(c);
      } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? sql.length() : end;
        sb.append(sql, i, end);
        i = end - 1;
      } else if (c == '?' && (i + 1 >= sql.length() || (sql.charAt(i + 1) != '|' && sql.charAt(i + 1) != '&'))) {
        sb.append(":p").append(++n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static Diagnostic err(String id, String msg, String hint) {
    return Diagnostic.error(id, msg, SourceLocation.NONE, hint);
  }
}
