package dev.ddbmodel.validation;

import dev.ddbmodel.core.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one access pattern.
 *
 * @param patternId the model's {@code pattern}
 * @param description the pattern's description
 * @param operation the declared {@code dynamodb_operation} (may be empty)
 * @param command the implementation as written (empty for external patterns)
 * @param reason why the pattern is served elsewhere (external patterns)
 * @param verdict the outcome
 * @param result what DynamoDB did, when the command was sent
 * @param findings static design findings and parse errors for this pattern
 * @param pointer JSON Pointer of the pattern in the model file
 * @param expected whether the result is the one the pattern's {@code expect} states (empty when
 *     the pattern states none)
 */
public record PatternOutcome(
    String patternId,
    String description,
    String operation,
    String command,
    String reason,
    Verdict verdict,
    Optional<PatternExecution> result,
    List<Diagnostic> findings,
    String pointer,
    Optional<Boolean> expected) {
  public PatternOutcome {
    Objects.requireNonNull(patternId, "patternId");
    description = Objects.requireNonNullElse(description, "");
    operation = Objects.requireNonNullElse(operation, "");
    command = Objects.requireNonNullElse(command, "");
    reason = Objects.requireNonNullElse(reason, "");
    Objects.requireNonNull(verdict, "verdict");
    result = Objects.requireNonNullElse(result, Optional.empty());
    findings = List.copyOf(findings);
    expected = Objects.requireNonNullElse(expected, Optional.empty());
  }

  /** An outcome of a pattern without {@code expect}. */
  public PatternOutcome(String patternId, String description, String operation, String command, String reason, Verdict verdict,
      Optional<PatternExecution> result, List<Diagnostic> findings, String pointer) {
    this(patternId, description, operation, command, reason, verdict, result, findings, pointer, Optional.empty());
  }

  /** True when the pattern said what it should do and did exactly that (an empty read or a refused write included). */
  public boolean asExpected() {
    return expected.orElse(false);
  }

  /** True when the pattern said what it should do and did something else. */
  public boolean unexpected() {
    return expected.isPresent() && !expected.get();
  }
}
