package dev.ddbmodel.analyzer.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Cardinality;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.KeySkew;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Relationship;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.TableProfile;
import dev.ddbmodel.core.Diagnostic;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The figures the profiler must find in {@link ProfileFixture}, on every engine; tolerances are stated per assertion. */
abstract class ProfilerContract {
  abstract Connection connect() throws SQLException;

  /** A write the engine must refuse inside the profiler's read-only transaction. */
  String write() {
    return "INSERT INTO products (id, name) VALUES (100000, 'w')";
  }

  static Relationship rel(ProfileResult r, String child, String column) {
    return r.relationships().stream().filter(x -> x.child().equals(child) && x.childColumns().equals(List.of(column))).findFirst().orElseThrow();
  }

  static KeySkew key(ProfileResult r, String table, String column) {
    return r.keys().stream().filter(k -> k.table().equals(table) && k.column().equals(column)).findFirst().orElseThrow();
  }

  static TableProfile table(ProfileResult r, String name) {
    return r.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void childrenPerParentAreMeasuredExactlyOnSmallTables() throws Exception {
    try (Connection c = connect()) {
      ProfileResult r = Profiler.profile(c, ProfileRequest.defaults());
      Relationship o = rel(r, "orders", "customer_id");
      assertThat(o.parent()).isEqualTo("customers");
      assertThat(o.sampled()).isFalse();
      assertThat(o.parents()).isEqualTo(ProfileFixture.CUSTOMERS);
      assertThat(o.measured()).isEqualTo(ProfileFixture.CUSTOMERS);
      assertThat(List.of(o.min(), o.median(), o.p99(), o.max())).containsExactly(0L, 3L, 3L, 10_000L);
      assertThat(o.noneShare()).isCloseTo(99.0 / 1100, within(1e-9));
      assertThat(o.mean()).isCloseTo(13_000.0 / 1100, within(1e-9));
      assertThat(o.cardinality()).isEqualTo(Cardinality.ONE_TO_HUGE);
      Relationship lines = rel(r, "order_lines", "product_id");
      assertThat(lines.max()).isEqualTo(ProfileFixture.LINES[1]);
      assertThat(lines.min()).isEqualTo(ProfileFixture.LINES[ProfileFixture.PRODUCTS]);
      // product 1 has ~2,944 lines (> 1,000): 1:huge; lines per order (13,000 orders, 20,000 random lines) stay few
      assertThat(lines.cardinality()).isEqualTo(Cardinality.ONE_TO_HUGE);
      Relationship perOrder = rel(r, "order_lines", "order_id");
      assertThat(perOrder.max()).isBetween(4L, 10L);
      assertThat(perOrder.mean()).isCloseTo((double) ProfileFixture.LINE_TOTAL / ProfileFixture.ORDERS, within(1e-9));
      assertThat(perOrder.cardinality()).isEqualTo(Cardinality.ONE_TO_FEW);
      assertThat(r.diagnostics()).extracting(Diagnostic::id).doesNotContain("Profile.QueryFailed");
      String md = ProfileWriter.render(r);
      assertThat(md).contains("| orders(customer\\_id) → customers(id) | 1,100 | 1,100 | 0 | 3 | 3 | 10,000 | 11.82 | 9.0% | 1:huge |");
      assertThat(md).contains("Statement timeout 30 s").contains("measured exactly");
      assertThat(ProfileJsonTest.validate(ProfileJsonTest.render(r))).isEmpty();
    }
  }

  @Test
  void keySkewFindsTheHeavyParentAndTheZipfHead() throws Exception {
    try (Connection c = connect()) {
      ProfileResult r = Profiler.profile(c, ProfileRequest.defaults());
      KeySkew cust = key(r, "orders", "customer_id");
      assertThat(cust.role()).contains("FK");
      assertThat(cust.heaviest().get(0).value()).isEqualTo("1");
      // planner statistics (PostgreSQL) come from ANALYZE's sample: 1 percentage point
      assertThat(cust.heaviest().get(0).share()).isCloseTo(10_000.0 / 13_000, within(0.01));
      assertThat((double) cust.distinct()).isCloseTo(1001, within(1001 * 0.05));
      KeySkew prod = key(r, "order_lines", "product_id");
      double h = 0;
      for (int k = 1; k <= ProfileFixture.PRODUCTS; k++) {
        h += 1.0 / k;
      }
      for (int k = 1; k <= 3; k++) {
        assertThat(prod.heaviest().get(k - 1).value()).isEqualTo(Integer.toString(k));
        assertThat(prod.heaviest().get(k - 1).share()).isCloseTo(1 / (k * h), within(0.01));
      }
      assertThat((double) prod.distinct()).isCloseTo(500, within(25.0));
      KeySkew pk = key(r, "docs", "id");
      assertThat(pk.role()).isEqualTo("PK");
      assertThat((double) pk.distinct()).isCloseTo(500, within(25.0));
      assertThat(r.diagnostics()).extracting(Diagnostic::id).doesNotContain("Profile.HotKey");
    }
  }

  @Test
  void aValueThatWouldFillOnePartitionAtTheAssumedRateIsHot() throws Exception {
    try (Connection c = connect()) {
      // 10,000 reads/s: customer 1 (76.9% of orders) needs ~7,700 RCU on one partition (> 3,000); product 1 (14.7%) ~1,470 (< 3,000)
      ProfileResult r = Profiler.profile(c, ProfileRequest.defaults().withAssumedRates(10_000, 0));
      assertThat(key(r, "orders", "customer_id").heaviest().get(0).hot()).isTrue();
      assertThat(key(r, "orders", "customer_id").heaviest().get(0).saturatesAtReadsPerSecond()).isCloseTo(3000 / (10_000.0 / 13_000), within(100.0));
      assertThat(key(r, "order_lines", "product_id").heaviest().get(0).hot()).isFalse();
      assertThat(r.diagnostics()).filteredOn(d -> d.id().equals("Profile.HotKey"))
          .anySatisfy(d -> assertThat(d.message()).startsWith("orders.customer_id = 1 holds 76."))
          .noneSatisfy(d -> assertThat(d.message()).startsWith("order_lines.product_id"));
      assertThat(ProfileWriter.render(r)).contains("**HOT**").contains("Rates assumed: 10000 reads/s");
    }
  }

  @Test
  void rowAndItemSizesOfRowsOfKnownSize() throws Exception {
    try (Connection c = connect()) {
      ProfileResult r = Profiler.profile(c, ProfileRequest.defaults());
      TableProfile docs = table(r, "docs");
      assertThat(docs.rows()).isEqualTo(500);
      assertThat(docs.rowsEstimated()).isFalse();
      // engine row size: 1,000 body bytes plus the id and the engine's per-row overhead (< 100 bytes)
      assertThat(docs.avgRowBytes()).isBetween(1000.0, 1100.0);
      assertThat(docs.maxRowBytes()).isBetween(1000L, 1100L);
      // item: "id" (2) + N of 1..500 (2 or 3) + "body" (4) + 1,000
      assertThat(docs.avgItemBytes()).isBetween(1008.0, 1009.0);
      assertThat(docs.maxItemBytes()).isEqualTo(1009);
      assertThat(docs.itemSample()).isEqualTo(200);
    }
  }

  @Test
  void largeTablesAreSampledAndSaySo() throws Exception {
    ProfileRequest small = new ProfileRequest(null, Duration.ofSeconds(30), Duration.ofMinutes(2), 1_000, 300, 5_000, 50, 5, 100, 0, 0);
    try (Connection c = connect()) {
      ProfileResult r = Profiler.profile(c, small);
      Relationship o = rel(r, "orders", "customer_id");
      assertThat(o.sampled()).isTrue();
      assertThat(o.measured()).isBetween(150L, 900L);
      assertThat(o.median()).isEqualTo(3);
      assertThat(o.noneShare()).isBetween(0.0, 0.25);
      KeySkew prod = key(r, "order_lines", "product_id");
      // 5,000 sampled rows: the head's share within 3 standard errors (~1.5 points) plus the 0.5 point of rounding
      assertThat(prod.heaviest().get(0).share()).isCloseTo(ProfileFixture.LINES[1] / (double) ProfileFixture.LINE_TOTAL, within(0.02));
      assertThat(table(r, "order_lines").rowsEstimated()).isTrue();
      String md = ProfileWriter.render(r);
      assertThat(md).contains("(sample)").contains("Tables with up to 1,000 rows are measured exactly");
      assertThat(r.diagnostics()).extracting(Diagnostic::id).doesNotContain("Profile.QueryFailed");
    }
  }

  @Test
  void onlySelectStatementsInsideAReadOnlyTransaction() throws Exception {
    List<ProfileFixture.Sent> sent = new ArrayList<>();
    try (Connection real = connect()) {
      boolean before = real.getAutoCommit();
      ProfileResult r = Profiler.profile(ProfileFixture.recording(real, sent), new ProfileRequest(null, Duration.ofSeconds(30), Duration.ofMinutes(2), 1_000,
          300, 5_000, 50, 5, 100, 0, 0));
      assertThat(sent).hasSizeGreaterThan(20);
      assertThat(r.statements()).isEqualTo(sent.size());
      assertThat(sent).allSatisfy(s -> {
        assertThat(s.sql().stripLeading().toUpperCase(Locale.ROOT)).startsWith("SELECT ");
        assertThat(s.readOnly()).as("read-only when sending %s", s.sql()).isTrue();
        assertThat(s.autoCommit()).as("inside a transaction when sending %s", s.sql()).isFalse();
      });
      // the connection is given back as it came
      assertThat(real.getAutoCommit()).isEqualTo(before);
      assertThat(real.isReadOnly()).isFalse();
      // and in the state the profiler works in, the engine refuses a write
      real.setReadOnly(true);
      real.setAutoCommit(false);
      try (Statement s = real.createStatement()) {
        assertThatThrownBy(() -> s.executeUpdate(write())).isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("read"));
      } finally {
        real.rollback();
        real.setAutoCommit(true);
        real.setReadOnly(false);
      }
    }
  }

  @Test
  void theBudgetStopsTheRunAndSaysWhatWasLeft() throws Exception {
    try (Connection c = connect()) {
      ProfileResult r = Profiler.profile(c, ProfileRequest.defaults().withBudget(Duration.ofNanos(1)));
      assertThat(r.diagnostics()).extracting(Diagnostic::id).containsOnlyOnce("Profile.BudgetExhausted");
      assertThat(r.skipped()).isNotEmpty().allSatisfy(s -> assertThat(s).endsWith("budget exhausted"));
      assertThat(ProfileWriter.render(r)).contains("## Not profiled");
    }
  }

  @Test
  void theTableLimitKeepsTheLargestTables() throws Exception {
    try (Connection c = connect()) {
      ProfileResult r = Profiler.profile(c, ProfileRequest.defaults().withMaxTables(2));
      assertThat(r.tables()).extracting(TableProfile::name).hasSize(2);
      assertThat(r.skipped()).hasSize(3).allSatisfy(s -> assertThat(s).endsWith("beyond the table limit of 2"));
    }
  }
}
