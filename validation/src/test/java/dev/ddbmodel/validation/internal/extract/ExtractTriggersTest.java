package dev.ddbmodel.validation.internal.extract;

import dev.ddbmodel.validation.ExtractRequest;
import dev.ddbmodel.validation.ModelExtractor;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ddbmodel.core.Diagnostic;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extract ids that no other test produced (docs/diagnostics.md). */
class ExtractTriggersTest {
  @TempDir Path tmp;

  @Test
  void aServiceThatRefusesTheRead() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      byte[] body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#AccessDeniedException\",\"message\":\"not authorized to list tables\"}"
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
      ex.sendResponseHeaders(400, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      var r = ModelExtractor.run(new ExtractRequest(List.of(), 1, tmp, false), Optional.of(endpoint), Optional.empty());
      assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Extract.Service");
      assertThat(r.errors().get(0).message()).contains("AccessDeniedException").contains("not authorized");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void noRegionAnywhere() {
    Assumptions.assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null, "a region is set in the environment");
    String[] props = {"aws.region", "aws.configFile", "aws.disableEc2Metadata"};
    String[] before = new String[props.length];
    for (int i = 0; i < props.length; i++) {
      before[i] = System.getProperty(props[i]);
    }
    System.clearProperty("aws.region");
    System.setProperty("aws.configFile", tmp.resolve("no-such-config").toString());
    System.setProperty("aws.disableEc2Metadata", "true");
    try {
      var r = ModelExtractor.run(new ExtractRequest(List.of(), 1, tmp, false), Optional.empty(), Optional.empty());
      assertThat(r.errors()).extracting(Diagnostic::id).containsExactly("Extract.Configuration");
    } finally {
      for (int i = 0; i < props.length; i++) {
        if (before[i] == null) {
          System.clearProperty(props[i]);
        } else {
          System.setProperty(props[i], before[i]);
        }
      }
    }
  }
}
