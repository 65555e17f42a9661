package dev.ddbmodel.analyzer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.analyzer.dialect.Dialect;
import dev.ddbmodel.analyzer.dialect.MySqlDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MySQL 5.7 and 8 read status variables from performance_schema; MariaDB (and an unknown server) from information_schema (issue 25). */
class MySqlStatusTest {
  static List<String> statusSql(Dialect d) {
    return d.queries("shop", 500, 30).stream().filter(q -> q.name().equals("statistics_status") || q.name().equals("prepared_statement_analysis"))
        .map(AnalysisQuery::sql).toList();
  }

  @Test
  void theStatusTableFollowsTheServer() {
    MySqlDialect d = new MySqlDialect();
    assertThat(d.versionQuery()).isEqualTo("SELECT VERSION()");
    for (String mysql : List.of("8.0.36", "8.4.2-commercial", "5.7.44-log", "9.1.0")) {
      assertThat(statusSql(d.forServer(mysql))).as(mysql).hasSize(2).allSatisfy(sql -> assertThat(sql)
          .contains("performance_schema.global_status WHERE VARIABLE_NAME = 'Uptime'").doesNotContain("information_schema.global_status"));
      assertThat(statusSql(d.forServer(mysql)).get(0)).contains("VARIABLE_NAME = 'Performance_schema_digest_lost'");
    }
    for (String mariadb : List.of("10.11.19-MariaDB-0+deb12u1", "11.4.2-MariaDB", "5.5.5-10.6.12-MariaDB", "5.6.51", "garbage")) {
      assertThat(statusSql(d.forServer(mariadb))).as(mariadb).hasSize(2).allSatisfy(sql -> assertThat(sql)
          .contains("information_schema.global_status WHERE VARIABLE_NAME = 'UPTIME'").doesNotContain("performance_schema.global_status"));
    }
    assertThat(statusSql(d.forServer(null))).isEqualTo(statusSql(d));
    // the self-service file (server unknown) keeps MariaDB's form
    assertThat(statusSql(d).get(0)).contains("information_schema.global_status WHERE VARIABLE_NAME = 'PERFORMANCE_SCHEMA_DIGEST_LOST'");
  }
}
