package dev.ddbmodel.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringAttacksTest {
  @Test
  void catalogueCoversTheAttackClassesWithDistinctNames() {
    List<StringAttacks.Attack> all = StringAttacks.all();
    assertThat(new HashSet<>(all.stream().map(StringAttacks.Attack::name).toList())).hasSize(all.size());
    List<String> values = all.stream().map(StringAttacks.Attack::value).toList();
    for (String needle : List.of("\n", "'", "\"", ";", "--", "*/", "\"\"\"", "`", "$(", "\0", "\u202e", "\u0455", "</script>", "onerror=")) {
      assertThat(values).as(needle).anyMatch(v -> v.contains(needle));
    }
    assertThat(values).anyMatch(v -> v.length() >= 100_000);
  }
}
