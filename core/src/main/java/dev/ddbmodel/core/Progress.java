package dev.ddbmodel.core;

/**
 * Progress of a long run (a validation with many access patterns, say), reported by domain code
 * and rendered by an adapter (the CLI draws a status line on a terminal). Called on the thread
 * doing the work; implementations must be quick.
 */
@FunctionalInterface
public interface Progress {
  /** Ignores every update. */
  Progress NONE = (done, total, step) -> { };

  /**
   * One step is starting.
   *
   * @param done steps finished so far
   * @param total all steps of the run
   * @param step what is starting, e.g. {@code pattern 3: Get a user}
   */
  void update(int done, int total, String step);
}
