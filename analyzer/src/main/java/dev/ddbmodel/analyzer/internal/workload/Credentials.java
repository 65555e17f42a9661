package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** Database credentials: explicit, or from a Secrets Manager secret whose host must match. Never logged. */
public record Credentials(String username, String password, String host) {
  @Override
  public String toString() {
    return "Credentials[username=" + username + ", password=***, host=" + host + "]";
  }

  public static Validated<Credentials> resolve(AnalyzerRequest r) {
    if (r.awsSecretArn().isPresent()) {
      if (r.awsRegion().isEmpty()) {
        return err("Analyzer.MissingRegion", "`aws_region` is required to read the secret", "pass aws_region (or set AWS_REGION)");
      }
      var b = SecretsManagerClient.builder().region(Region.of(r.awsRegion().get())).httpClient(UrlConnectionHttpClient.create())
          .credentialsProvider(r.awsCredentials());
      r.secretsManagerEndpoint().ifPresent(b::endpointOverride);
      String secret;
      try (SecretsManagerClient sm = b.build()) {
        secret = sm.getSecretValue(x -> x.secretId(r.awsSecretArn().get())).secretString();
      } catch (SecretsManagerException e) {
        return err("Analyzer.Secret", "cannot read the secret: " + e.awsErrorDetails().errorCode(), "check the ARN, region and IAM permission secretsmanager:GetSecretValue");
      } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
        return Validated.invalid(Diagnostic.environment("Analyzer.AwsAccess", "cannot reach Secrets Manager: " + clientProblem(e),
            SourceLocation.NONE, "configure AWS credentials (environment, profile or role) and network access to Secrets Manager in the region"));
      }
      JsonNode s;
      try {
        s = Json.parseTrusted(secret == null ? "" : secret);
      } catch (IllegalArgumentException e) {
        return err("Analyzer.Secret", "the secret is not a JSON object", "store {\"username\": ..., \"password\": ..., \"host\": ...}");
      }
      String user = s.path("username").asText(null);
      String pass = s.path("password").asText(null);
      String host = s.path("host").asText(null);
      if (user == null || pass == null) {
        return err("Analyzer.Secret", "the secret has no username or password", "store {\"username\": ..., \"password\": ..., \"host\": ...}");
      }
      if (r.hostname().isPresent() && host != null && !host.toLowerCase(Locale.ROOT).equals(r.hostname().get().toLowerCase(Locale.ROOT))) {
        return err("Analyzer.HostMismatch", "the secret is for host `" + host + "`, not `" + r.hostname().get() + "`",
            "use the secret of that database, or the host the secret names");
      }
      Optional<String> h = r.hostname().or(() -> Optional.ofNullable(host));
      if (h.isEmpty()) {
        return err("Analyzer.MissingHost", "no host: neither `hostname` nor the secret's `host`", "pass hostname");
      }
      return Validated.valid(new Credentials(user, pass, h.get()));
    }
    if (r.username().isPresent() && r.hostname().isPresent()) {
      return Validated.valid(new Credentials(r.username().get(), r.password().orElse(""), r.hostname().get()));
    }
    return err("Analyzer.MissingCredentials", "managed mode needs credentials: `aws_secret_arn` (with `aws_region`), or a username with `hostname`",
        "pass aws_secret_arn and aws_region, or username/password and hostname");
  }

  /** The first line of an SDK client failure, without the SDK's bracketed list of provider attempts. */
  static String clientProblem(software.amazon.awssdk.core.exception.SdkClientException e) {
    return e.getMessage().lines().findFirst().orElse("").replaceAll("\\s*:\\s*\\[.*", "");
  }

  private static <T> Validated<T> err(String id, String msg, String hint) {
    return Validated.invalid(Diagnostic.error(id, msg, SourceLocation.NONE, hint));
  }
}
