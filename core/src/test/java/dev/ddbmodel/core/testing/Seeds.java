package dev.ddbmodel.core.testing;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Seeds for seeded {@code @ParameterizedTest}s over generated cases. Use with
 * {@code @ParameterizedTest(name = Seeds.NAME) @MethodSource} so every case, and so every
 * failure, shows the seed that rebuilds it.
 *
 * <ul>
 *   <li>{@code -Dfuzz.seed=<seed>} replays that one seed in every seeded test;
 *   <li>{@code -Dfuzz.scale=N} runs N times the default count (the nightly size is 30).
 * </ul>
 * Without either, the seeds are fixed, so a CI run is repeatable.
 */
public final class Seeds {
  /** Display name of each case: the seed. */
  public static final String NAME = "seed {0}";

  private static final long BASE = 0x5EED_2026L;

  private Seeds() {}

  /** {@code count} seeds (times {@code -Dfuzz.scale}) derived from a fixed base and {@code salt}. */
  public static Stream<Long> of(String salt, int count) {
    String replay = System.getProperty("fuzz.seed");
    if (replay != null && !replay.isBlank()) {
      return Stream.of(Long.parseLong(replay.strip()));
    }
    long n = (long) Integer.getInteger("fuzz.scale", 1) * count;
    SplittableRandom r = new SplittableRandom(BASE ^ salt.hashCode());
    return LongStream.generate(r::nextLong).limit(n).boxed();
  }
}
