package dev.ddbmodel.examples.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.io.PathGuard;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every attack is refused by the guard every entry point uses, with a hint. */
class PathGuardAttackTest {
  @TempDir Path tmp;

  @Test
  void guardRefusesEveryAttack() throws Exception {
    var attacks = PathAttacks.prepare(tmp);
    PathGuard guard = PathGuard.of(tmp.resolve("ws")).unwrap();
    for (var attack : attacks) {
      Validated<Path> r = guard.resolve(attack.path());
      assertThat(r.isValid()).as(attack.name()).isFalse();
      assertThat(r.errors().get(0).id()).as(attack.name()).startsWith("Path.");
      assertThat(r.errors().get(0).hint()).as(attack.name()).isNotBlank();
    }
  }
}
