package dev.ddbmodel.analyzer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Every parameter of the MCP tool {@code source_db_analyzer} (same names, in Java case), plus
 * what the adapters supply: explicit credentials, endpoint overrides for Secrets Manager and the RDS
 * Data API (tests, VPC endpoints) and a
 * clock. Environment fallbacks are resolved by the adapters, never here.
 */
public record AnalyzerRequest(
    String sourceDbType,
    Optional<String> sourceIdentifier,
    String executionMode,
    Optional<Path> queriesFilePath,
    Optional<Path> queryResultFilePath,
    int patternAnalysisDays,
    int maxQueryResults,
    Optional<String> awsClusterArn,
    Optional<String> awsSecretArn,
    Optional<String> awsRegion,
    Optional<String> hostname,
    Optional<Integer> port,
    Path outputDir,
    Optional<String> username,
    Optional<String> password,
    Optional<URI> secretsManagerEndpoint,
    Optional<URI> rdsDataEndpoint,
    int statementTimeoutSeconds,
    Clock clock,
    software.amazon.awssdk.auth.credentials.AwsCredentialsProvider awsCredentials,
    boolean profile) {
  public AnalyzerRequest {
    Objects.requireNonNull(sourceDbType);
    executionMode = executionMode == null ? "self_service" : executionMode;
    Objects.requireNonNull(outputDir);
    // out-of-range numbers are kept as given and refused by the analyzer (Analyzer.InvalidValue)
    clock = clock == null ? Clock.systemUTC() : clock;
    awsCredentials = awsCredentials == null ? software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider.builder().build() : awsCredentials;
  }

  /** A self-service or managed request with defaults for everything optional. */
  public static Builder builder(String type, Path outputDir) {
    return new Builder(type, outputDir);
  }

  /** Builder (many optional parameters). */
  public static final class Builder {
    private final String type;
    private final Path out;
    private Optional<String> identifier = Optional.empty();
    private String mode = "self_service";
    private Optional<Path> queriesFile = Optional.empty();
    private Optional<Path> resultFile = Optional.empty();
    private int days = 30;
    private int max = 500;
    private Optional<String> secretArn = Optional.empty();
    private Optional<String> region = Optional.empty();
    private Optional<String> host = Optional.empty();
    private Optional<Integer> port = Optional.empty();
    private Optional<String> user = Optional.empty();
    private Optional<String> pass = Optional.empty();
    private Optional<URI> smEndpoint = Optional.empty();
    private Optional<URI> dataEndpoint = Optional.empty();
    private Optional<String> clusterArn = Optional.empty();
    private int timeout = 30;
    private Clock clock = Clock.systemUTC();
    private software.amazon.awssdk.auth.credentials.AwsCredentialsProvider aws;
    private boolean profile = true;

    Builder(String type, Path out) {
      this.type = type;
      this.out = out;
    }

    public Builder identifier(String v) { identifier = Optional.ofNullable(v); return this; }
    public Builder mode(String v) { mode = v; return this; }
    public Builder queriesFile(Path v) { queriesFile = Optional.ofNullable(v); return this; }
    public Builder resultFile(Path v) { resultFile = Optional.ofNullable(v); return this; }
    public Builder days(int v) { days = v; return this; }
    public Builder maxResults(int v) { max = v; return this; }
    public Builder secretArn(String v) { secretArn = Optional.ofNullable(v); return this; }
    public Builder region(String v) { region = Optional.ofNullable(v); return this; }
    public Builder clusterArn(String v) { clusterArn = Optional.ofNullable(v); return this; }
    public Builder host(String v) { host = Optional.ofNullable(v); return this; }
    public Builder port(Integer v) { port = Optional.ofNullable(v); return this; }
    public Builder credentials(String u, String p) { user = Optional.ofNullable(u); pass = Optional.ofNullable(p); return this; }
    public Builder secretsManagerEndpoint(URI v) { smEndpoint = Optional.ofNullable(v); return this; }
    public Builder rdsDataEndpoint(URI v) { dataEndpoint = Optional.ofNullable(v); return this; }
    public Builder statementTimeoutSeconds(int v) { timeout = v; return this; }
    public Builder clock(Clock v) { clock = v; return this; }
    public Builder awsCredentials(software.amazon.awssdk.auth.credentials.AwsCredentialsProvider v) { aws = v; return this; }

    /** Managed JDBC mode (PostgreSQL, MySQL/MariaDB): also measure the data into profile.md (on by default). */
    public Builder profile(boolean v) { profile = v; return this; }

    public AnalyzerRequest build() {
      return new AnalyzerRequest(type, identifier, mode, queriesFile, resultFile, days, max, clusterArn, secretArn, region, host, port, out,
          user, pass, smEndpoint, dataEndpoint, timeout, clock, aws, profile);
    }
  }
}
