package dev.ddbmodel.analyzer.internal.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Cardinality;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.HeavyValue;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.KeySkew;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Relationship;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.TableProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A parent sample that missed the heaviest parent: on MariaDB's 10,000,000-row bench table (a
 * quarter of the events on user 1 of 100,000) the sampled relationship said max 111, 1:many.
 */
class HeaviestParentTest {
  static final Relationship SAMPLED = new Relationship("events_user_fk", "events", List.of("user_id"), "users", List.of("id"), 100_000, 10_068, true, 37, 75,
      96, 111, 75.2, 0, Cardinality.ONE_TO_MANY);
  static final KeySkew SKEW = new KeySkew("events", "user_id", "FK,INDEX", 100_000, true, "sampled GROUP BY (100000 rows)",
      List.of(new HeavyValue("1", 0.248, 12_000, 4_000, false)));
  static final Map<String, TableProfile> TABLES = Map.of("events", new TableProfile("events", 10_000_000, true, 40.0, 50L, "x", 40.0, 50L, 200, null));

  @Test
  void theHeaviestKeyValueRaisesASampledMaximum() {
    Relationship r = Profiler.withHeaviestParents(List.of(SAMPLED), List.of(SKEW), TABLES).get(0);
    assertThat(r.max()).isEqualTo(2_480_000);
    assertThat(r.cardinality()).isEqualTo(Cardinality.ONE_TO_HUGE);
    assertThat(r.maxSource()).contains("user_id value 1 holds 24.8% of the child rows").contains("sampled GROUP BY");
    assertThat(r.median()).isEqualTo(75);
    assertThat(ProfileWriter.render(new ProfileResult("MariaDB", "s", ProfileRequest.defaults(), List.copyOf(TABLES.values()), List.of(r), List.of(SKEW),
        List.of(), List.of(), 1, 0))).contains("| ~2,480,000 |").contains("~ events → users: maximum estimated");
  }

  @Test
  void countedMaximaAndSmallerEstimatesStay() {
    Relationship exact = new Relationship("fk", "events", List.of("user_id"), "users", List.of("id"), 10, 10, false, 0, 1, 5, 111, 2, 0,
        Cardinality.ONE_TO_MANY);
    assertThat(Profiler.withHeaviestParents(List.of(exact), List.of(SKEW), TABLES)).containsExactly(exact);
    KeySkew light = new KeySkew("events", "user_id", "FK", 100_000, true, "x", List.of(new HeavyValue("9", 0.000001, 1, 1, false)));
    assertThat(Profiler.withHeaviestParents(List.of(SAMPLED), List.of(light), TABLES)).containsExactly(SAMPLED);
    assertThat(Profiler.withHeaviestParents(List.of(SAMPLED), List.of(), TABLES)).containsExactly(SAMPLED);
  }
}
