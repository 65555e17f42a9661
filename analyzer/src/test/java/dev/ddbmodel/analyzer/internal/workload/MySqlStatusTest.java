package dev.ddbmodel.analyzer.internal.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.analyzer.internal.dialect.Dialect;
import dev.ddbmodel.analyzer.internal.dialect.MySqlDialect;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MySQL 5.7 and 8 read status variables from performance_schema; MariaDB from information_schema; a self-service file names both by version comments (issue 25). */
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
    // a version that does not answer: MariaDB's form
    assertThat(statusSql(d.forServer(null))).isEqualTo(statusSql(d.forServer("10.11.19-MariaDB")));
  }

  /**
   * What a server runs of a statement with version comments. MySQL runs {@code /*!NNNNN ... *}{@code /}
   * from version NNNNN on and skips {@code /*M! ... *}{@code /}; MariaDB runs {@code /*M!} and
   * runs {@code /*!NNNNN} only below 50700 or above 99999 (MySQL 5.7+ features are not its own;
   * measured on MariaDB 10.11, where the self-service ITs run this form for real).
   */
  static String asRunBy(String sql, boolean mariadb, int version) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("/\\*(M?)!(\\d*)(.*?)\\*/").matcher(sql);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      boolean maria = !m.group(1).isEmpty();
      int v = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
      boolean runs = maria ? mariadb && v <= version : v <= version && (!mariadb || v < 50700 || v > 99999);
      m.appendReplacement(sb, java.util.regex.Matcher.quoteReplacement(runs ? m.group(3) : ""));
    }
    return m.appendTail(sb).toString().replaceAll(" +", " ");
  }

  /** The self-service file (server not known): one text, which each server reads as its own status table. */
  @Test
  void theSelfServiceFormIsRightOnEveryServer() {
    List<String> sql = statusSql(new MySqlDialect());
    assertThat(sql).hasSize(2);
    for (int mysql : List.of(50744, 80036, 80402, 90100)) {
      assertThat(sql).allSatisfy(q -> assertThat(asRunBy(q, false, mysql)).as("MySQL %d", mysql)
          .contains("FROM performance_schema.global_status WHERE VARIABLE_NAME = 'Uptime'").doesNotContain("information_schema.global_status"));
    }
    for (int mariadb : List.of(100611, 101119, 110402)) {
      assertThat(sql).allSatisfy(q -> assertThat(asRunBy(q, true, mariadb)).as("MariaDB %d", mariadb)
          .contains("FROM information_schema.global_status WHERE VARIABLE_NAME = 'Uptime'").doesNotContain("performance_schema.global_status"));
    }
    // the profile's statements and the session timeout use the same mechanism
    String timeout = new MySqlDialect().timeout(30).get(0);
    assertThat(asRunBy(timeout, true, 101119)).isEqualTo("SET SESSION max_statement_time = 30 ;");
    assertThat(asRunBy(timeout, false, 80036)).isEqualTo("SET SESSION max_execution_time = 30000 ;");
    String histograms = dev.ddbmodel.analyzer.internal.profile.ProfilePlan.catalog("mysql", "shop", dev.ddbmodel.analyzer.internal.profile.ProfileRequest.defaults()).stream()
        .filter(s -> s.name().equals("profile_histograms")).findFirst().orElseThrow().sql();
    assertThat(asRunBy(histograms, false, 80036)).contains("FROM information_schema.COLUMN_STATISTICS WHERE SCHEMA_NAME = 'shop'").doesNotContain("column_stats");
    assertThat(asRunBy(histograms, true, 101119)).contains("FROM mysql.column_stats WHERE db_name = 'shop'").doesNotContain("COLUMN_STATISTICS");
  }
}
