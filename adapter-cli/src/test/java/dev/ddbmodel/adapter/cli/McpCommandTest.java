package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code ddbm mcp} refusals: usage errors exit 2 with the reason, environment problems 3; no stack trace. */
class McpCommandTest {
  @Test
  void usageErrorsExitTwoWithTheReason() {
    CliTestSupport.Run r = CliTestSupport.run("mcp", "--http", "0", "--host", "0.0.0.0");
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("without authentication").contains("--auth-token-env").doesNotContain("Exception");

    r = CliTestSupport.run("mcp", "--http", "0", "--host", "0.0.0.0", "--auth-token-env", "DDBM_TEST_SURELY_UNSET_VAR");
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("DDBM_TEST_SURELY_UNSET_VAR");

    r = CliTestSupport.run("mcp", "--workspace", "/no/such/folder/anywhere");
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).contains("not an existing folder");

    r = CliTestSupport.run("mcp", "--http", "notaport");
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
  }

  @Test
  void aPortOutOfRangeIsAnEnvironmentProblemAsForLocal() {
    CliTestSupport.Run r = CliTestSupport.run("mcp", "--http", "99999");
    assertThat(r.exit()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("0-65535").doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void unresolvableHostIsAnEnvironmentProblem() {
    CliTestSupport.Run r = CliTestSupport.run("mcp", "--http", "0", "--host", "no-such-host.invalid");
    assertThat(r.exit()).as(r.err()).isEqualTo(3);
    assertThat(r.err()).contains("cannot resolve");
  }
}
