package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.AnalyzerRequest;
import dev.ddbmodel.analyzer.SourceDbAnalyzer;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ddbmodel.core.Diagnostic;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets Manager code path against a loopback server speaking its JSON 1.1 protocol. */
class SecretsManagerTest {
  HttpServer server;
  final List<String> targets = new ArrayList<>();
  String secret = "{\"username\":\"reader\",\"password\":\"p@ss-w0rd\",\"host\":\"db.internal\"}";

  @TempDir Path out;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      targets.add(ex.getRequestHeaders().getFirst("X-Amz-Target"));
      ex.getRequestBody().readAllBytes();
      byte[] body = dev.ddbmodel.core.json.Json.compact(java.util.Map.of("ARN", "arn:aws:secretsmanager:us-east-1:1:secret:db", "Name", "db",
          "SecretString", secret)).getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  AnalyzerRequest.Builder req() {
    return AnalyzerRequest.builder("mysql", out).identifier("shop").mode("managed").secretArn("arn:aws:secretsmanager:us-east-1:1:secret:db")
        .region("us-east-1").awsCredentials(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test"))).secretsManagerEndpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).statementTimeoutSeconds(1);
  }

  @Test
  void hostMustMatchTheSecret() throws Exception {
    var r = SourceDbAnalyzer.run(req().host("other.internal").build());
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Analyzer.HostMismatch");
    assertThat(targets).containsExactly("secretsmanager.GetSecretValue");
  }

  @Test
  void credentialsFromTheSecretAreUsedAndNeverWritten() throws Exception {
    var r = SourceDbAnalyzer.run(req().host("127.0.0.1").build());
    // the secret names db.internal, the request 127.0.0.1: refused before connecting
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Analyzer.HostMismatch");
    secret = "{\"username\":\"reader\",\"password\":\"p@ss-w0rd\",\"host\":\"127.0.0.1\"}";
    var conn = SourceDbAnalyzer.run(req().port(1).build());
    assertThat(conn.errors()).extracting(Diagnostic::id).containsExactly("Analyzer.Connection");
    assertThat(conn.errors().get(0).message()).doesNotContain("p@ss-w0rd");
    try (var files = Files.walk(out)) {
      assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  @Test
  void noAwsCredentialsIsADiagnostic() {
    var r = SourceDbAnalyzer.run(AnalyzerRequest.builder("mysql", out).identifier("shop").mode("managed").secretArn("arn:x").region("us-east-1")
        .secretsManagerEndpoint(URI.create("http://127.0.0.1:1")).awsCredentials(() -> {
          throw software.amazon.awssdk.core.exception.SdkClientException.create("Unable to load credentials");
        }).build());
    assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Analyzer.AwsAccess");
  }

  @Test
  void malformedSecret() {
    secret = "not json";
    assertThat(SourceDbAnalyzer.run(req().build()).errors()).extracting(Diagnostic::id).containsExactly("Analyzer.Secret");
  }

  @Test
  void secretWithoutHostAndNoHostname() {
    secret = "{\"username\":\"reader\",\"password\":\"p\"}";
    assertThat(SourceDbAnalyzer.run(req().build()).errors()).extracting(Diagnostic::id).containsExactly("Analyzer.MissingHost");
  }
}
