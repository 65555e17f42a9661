package dev.ddbmodel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void casings() {
    assertThat(Names.snake("UserProfile")).isEqualTo("user_profile");
    assertThat(Names.snake("HTTPServerID")).isEqualTo("http_server_id");
    assertThat(Names.pascal("order_item")).isEqualTo("OrderItem");
    assertThat(Names.camel("order-item id")).isEqualTo("orderItemId");
    assertThat(Names.upperSnake("gsiName")).isEqualTo("GSI_NAME");
  }

  @Test
  void suggestions() {
    assertThat(Suggestions.closest("usr_id", List.of("user_id", "order_id"))).contains("user_id");
    assertThat(Suggestions.closest("zzzz", List.of("user_id"))).isEmpty();
    assertThat(Suggestions.hint("Quer", List.of("Query", "Scan"))).isEqualTo("did you mean `Query`?");
  }

  @Test
  void validatedKeepsDiagnosticsSorted() {
    Diagnostic b = Diagnostic.error("B", "m", new SourceLocation("f", "/b", 3, 1), "");
    Diagnostic a = Diagnostic.warning("A", "m", new SourceLocation("f", "/a", 1, 1), "");
    Validated<String> v = Validated.of("x", List.of(b, a));
    assertThat(v.isValid()).isFalse();
    assertThat(v.diagnostics()).containsExactly(a, b);
    assertThat(b.format()).isEqualTo("[ERROR] /b: m | B f:3:1");
  }
}
