package dev.ddbmodel.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions by edit distance (case-insensitive). */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The closest candidate within an edit distance of {@code max(2, length/3)}, ties broken by
   * the candidates' natural order so results are deterministic.
   */
  public static Optional<String> closest(String input, Collection<String> candidates) {
    if (input == null || candidates.isEmpty()) {
      return Optional.empty();
    }
    String in = input.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, in.length() / 3);
    String best = null;
    int bestDist = Integer.MAX_VALUE;
    for (String c : candidates.stream().sorted().toList()) {
      if (c.equals(input)) {
        continue; // suggesting the input itself repeats the typo back: the problem is elsewhere
      }
      String lc = c.toLowerCase(Locale.ROOT);
      int d = lc.equals(in) ? 0 : distance(in, lc);
      if (d < bestDist) {
        bestDist = d;
        best = c;
      }
    }
    return bestDist <= limit ? Optional.of(best) : Optional.empty();
  }

  /** {@code did you mean `x`?} or, when nothing is close, a list of the valid values. */
  public static String hint(String input, Collection<String> candidates) {
    Optional<String> c = closest(input, candidates);
    if (c.isPresent()) {
      return "did you mean `" + c.get() + "`?";
    }
    if (candidates.isEmpty()) {
      return "";
    }
    return "expected one of: "
        + String.join(", ", candidates.stream().sorted().map(s -> "`" + s + "`").toList());
  }

  /** Optimal string alignment distance (Levenshtein with transpositions). */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
