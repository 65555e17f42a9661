package dev.ddbmodel.analyzer.internal.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConnectionsTest {
  /** Without the driver (ddbm.jar does not bundle Oracle's) the cause says how to add it. */
  @Test
  void missingDriverSaysHowToAddIt() {
    Credentials c = new Credentials("reader", "secret-pw", "db.example");
    String cause = Connections.cause(new SQLException("No suitable driver found for jdbc:oracle:thin:@//db.example:1521/ORCL", "08001"), c, 1521, "ORCL");
    assertThat(cause).startsWith("no JDBC driver for this database").contains("DDBM_DRIVERS").contains("ojdbc11.jar")
        .contains("self_service").doesNotContain("secret-pw");
  }
}
