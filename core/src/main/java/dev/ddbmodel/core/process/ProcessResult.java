package dev.ddbmodel.core.process;

import java.time.Duration;

/**
 * What a finished (or stopped) external process left: its exit code, everything it wrote on
 * stdout and stderr (UTF-8), and whether it was stopped for running past its time limit.
 */
public record ProcessResult(String command, int exitCode, String stdout, String stderr, boolean timedOut, Duration limit) {
  /** Exit code 0 within the time limit. */
  public boolean succeeded() {
    return !timedOut && exitCode == 0;
  }

  /** A description for an error message or a failed assertion: command, outcome, both streams. */
  public String describe() {
    String outcome = timedOut ? "stopped after the time limit of " + limit.toSeconds() + " s" : "exit " + exitCode;
    return command + ": " + outcome + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
  }
}
