package dev.ddbmodel.validation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.internal.exec.ExecutionResult;
import dev.ddbmodel.validation.internal.exec.LocalDifferences;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of a validation run: resources, every pattern's verdict and response, the model's
 * own warnings, and a summary. Renders the {@code dynamodb_model_validation.json} and
 * {@code dynamodb_model_validation.md} files.
 *
 * @param validatedAt when the run happened
 * @param endpoint {@code embedded} or the endpoint URL
 * @param resources table and item outcomes
 * @param patterns one outcome per access pattern, in model order
 * @param modelDiagnostics warnings from loading the model (and the run's own up-front findings)
 * @param localDifferences the known DynamoDB Local vs AWS differences this run met, and where
 */
public record ModelValidationReport(
    Instant validatedAt,
    String endpoint,
    ResourceOutcome resources,
    List<PatternOutcome> patterns,
    List<Diagnostic> modelDiagnostics,
    List<LocalDifference> localDifferences) {
  /** Name of the JSON report in the workspace. */
  public static final String JSON_FILE = "dynamodb_model_validation.json";

  /** Name of the markdown report in the workspace. */
  public static final String MARKDOWN_FILE = "dynamodb_model_validation.md";

  public ModelValidationReport {
    patterns = List.copyOf(patterns);
    modelDiagnostics = List.copyOf(modelDiagnostics);
    localDifferences = List.copyOf(localDifferences);
  }

  /** A report without Local/AWS differences. */
  public ModelValidationReport(Instant validatedAt, String endpoint, ResourceOutcome resources, List<PatternOutcome> patterns,
      List<Diagnostic> modelDiagnostics) {
    this(validatedAt, endpoint, resources, patterns, modelDiagnostics, List.of());
  }

  /**
   * Every finding of the run, as created where it was found: the model's and the run's own
   * ({@link #modelDiagnostics()}) first, then each pattern's {@link PatternOutcome#findings()} in
   * model order. Verdicts and resource outcomes stay in {@link #patterns()} and
   * {@link #resources()}.
   */
  public List<Diagnostic> diagnostics() {
    List<Diagnostic> out = new java.util.ArrayList<>(modelDiagnostics);
    patterns.forEach(p -> out.addAll(p.findings()));
    return List.copyOf(out);
  }

  /**
   * Counts per verdict and the overall status; {@code asExpected} patterns had the outcome their
   * {@code expect} states (an expected empty read or refused write is a pass), {@code unexpected}
   * ones had another (the run fails).
   */
  public record Summary(int total, int succeeded, int empty, int constraintFailures, int failed,
      int skippedExternal, int resourceFailures, String status, int asExpected, int unexpected) {}

  public Summary summary() {
    int ok = count(Verdict.SUCCESS);
    int empty = count(Verdict.SUCCESS_EMPTY);
    int cons = count(Verdict.CONSTRAINT_FAILURE);
    int failed = count(Verdict.FAILURE) + count(Verdict.INVALID_COMMAND);
    // an empty read or a refused write the pattern expects is a pass; an outcome it does not expect fails the run
    int unexpected = (int) patterns.stream().filter(PatternOutcome::unexpected).count();
    int emptyNotExpected = (int) patterns.stream().filter(p -> p.verdict() == Verdict.SUCCESS_EMPTY && !p.asExpected()).count();
    int refusedNotExpected = (int) patterns.stream().filter(p -> p.verdict() == Verdict.CONSTRAINT_FAILURE && !p.asExpected()).count();
    int ext = count(Verdict.SKIPPED_EXTERNAL);
    int resFail = (int) resources.tables().stream().filter(ResourceOutcome.TableOutcome::failed).count()
        + resources.items().stream().mapToInt(i -> i.failures().size()).sum();
    boolean staticErrors = patterns.stream().anyMatch(p -> p.findings().stream().anyMatch(Diagnostic::isError));
    String status = failed > 0 || resFail > 0 || unexpected > 0 ? "failed"
        : emptyNotExpected > 0 || refusedNotExpected > 0 || staticErrors || patterns.stream().anyMatch(p -> !p.findings().isEmpty()) ? "needs_attention"
        : "passed";
    int asExpected = (int) patterns.stream().filter(PatternOutcome::asExpected).count();
    return new Summary(patterns.size(), ok, empty, cons, failed, ext, resFail, status, asExpected, unexpected);
  }

  private int count(Verdict v) {
    return (int) patterns.stream().filter(p -> p.verdict() == v).count();
  }

  /** True when no pattern failed and every resource was created. */
  public boolean passed() {
    return !summary().status().equals("failed");
  }

  /** The JSON report (keeps the reference's keys inside {@code validation_response}). */
  public ObjectNode toJson() {
    ObjectNode root = Json.object();
    ArrayNode responses = root.putArray("validation_response");
    for (PatternOutcome p : patterns) {
      ObjectNode o = responses.addObject();
      if (p.verdict() == Verdict.SKIPPED_EXTERNAL) {
        o.put("pattern", p.patternId());
        o.put("description", p.description());
        o.put("reason", p.reason());
      } else {
        o.put("pattern_id", p.patternId());
        o.put("description", p.description());
        if (p.operation().isEmpty()) {
          o.putNull("dynamodb_operation");
        } else {
          o.put("dynamodb_operation", p.operation());
        }
        o.put("command", p.command());
        o.set("response", p.result().map(r -> (com.fasterxml.jackson.databind.JsonNode) r.internal().toJson()).orElseGet(() -> {
          ObjectNode e = Json.object();
          e.put("status", "error");
          e.put("http_status", 0);
          e.put("error_code", "InvalidCommand");
          e.put("message", p.findings().stream().filter(Diagnostic::isError).map(Diagnostic::message).findFirst().orElse(""));
          return e;
        }));
      }
      o.put("verdict", p.verdict().label());
      p.result().ifPresent(r -> o.put("item_count", r.itemCount()));
      if (!p.findings().isEmpty()) {
        ArrayNode f = o.putArray("findings");
        p.findings().forEach(d -> f.add(Json.toTree(d.toMap())));
      }
    }
    root.put("validated_at", validatedAt.toString());
    root.put("endpoint", endpoint);
    ObjectNode res = root.putObject("resources");
    res.set("tables", Json.toTree(resources.tables()));
    res.set("items", Json.toTree(resources.items()));
    Summary s = summary();
    ObjectNode sum = root.putObject("summary");
    sum.put("status", s.status());
    sum.put("total", s.total());
    sum.put("succeeded", s.succeeded());
    sum.put("succeeded_empty", s.empty());
    sum.put("constraint_failures", s.constraintFailures());
    sum.put("failed", s.failed());
    sum.put("skipped_external", s.skippedExternal());
    sum.put("resource_failures", s.resourceFailures());
    sum.put("as_expected", s.asExpected());
    sum.put("unexpected_outcomes", s.unexpected());
    ObjectNode cu = sum.putObject("consumed_capacity_units");
    cu.put("read", consumed(true));
    cu.put("write", consumed(false));
    ObjectNode acu = sum.putObject("aws_consumed_capacity_units");
    acu.put("read", awsConsumed(true));
    acu.put("write", awsConsumed(false));
    if (!localDifferences.isEmpty()) {
      ArrayNode ld = root.putArray("local_differences");
      for (LocalDifference h : localDifferences) {
        LocalDifferences.Difference d = LocalDifferences.get(h.id());
        ld.addObject().put("id", h.id()).put("kind", d.kind()).put("where", h.where()).put("detail", h.detail())
            .put("local", d.local()).put("aws", d.aws());
      }
    }
    if (!modelDiagnostics.isEmpty()) {
      ArrayNode md = root.putArray("model_diagnostics");
      modelDiagnostics.forEach(d -> md.add(Json.toTree(d.toMap())));
    }
    return root;
  }

  /** The markdown report. */
  /** Whether {@code content} is a report ddbm wrote (markdown or JSON form), so it may be replaced. */
  public static boolean isReport(String content) {
    String c = content.replaceFirst("^\uFEFF", "");
    if (c.startsWith(MARKDOWN_TITLE)) {
      return true;
    }
    if (!c.stripLeading().startsWith("{")) {
      return false;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode n = Json.parseTrusted(c);
      return n.isObject() && n.path("validation_response").isArray();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static final String MARKDOWN_TITLE = "# DynamoDB Data Model Validation Report\n";

  public String toMarkdown() {
    Summary s = summary();
    StringBuilder md = new StringBuilder();
    md.append(MARKDOWN_TITLE).append('\n');
    md.append("- Validated at: ").append(validatedAt).append('\n');
    md.append("- Endpoint: ").append(endpoint).append('\n');
    int executed = s.total() - s.skippedExternal();
    int good = s.succeeded() + s.empty() + s.constraintFailures();
    md.append("- Status: **").append(s.status().replace('_', ' ').toUpperCase(Locale.ROOT)).append("**\n");
    md.append(String.format(Locale.ROOT, "- Patterns: %d total; %d executed, %d succeeded (%d with items, %d empty, %d refused by a condition), %d failed, %d served elsewhere%n%n",
        s.total(), executed, good, s.succeeded(), s.empty(), s.constraintFailures(), s.failed(), s.skippedExternal()));
    double reads = consumed(true);
    double writes = consumed(false);
    if (reads + writes > 0) {
      md.setLength(md.length() - 1);
      md.append("- Consumed capacity of one call per pattern, as DynamoDB Local reports it: ").append(ExecutionResult.units(reads)).append(" RCU, ")
          .append(ExecutionResult.units(writes)).append(" WCU");
      if (awsConsumed(true) != reads || awsConsumed(false) != writes) {
        md.append("; on AWS by DynamoDB's rules: ").append(ExecutionResult.units(awsConsumed(true))).append(" RCU, ")
            .append(ExecutionResult.units(awsConsumed(false))).append(" WCU");
      }
      md.append(" (compare with the per-request units of the cost report)\n\n");
    }
    md.append("## Resources\n\n| table | status | indexes | TTL | items written | notes |\n|---|---|---|---|---|---|\n");
    for (ResourceOutcome.TableOutcome t : resources.tables()) {
      ResourceOutcome.ItemLoad load = resources.items().stream().filter(i -> i.table().equals(t.name())).findFirst().orElse(null);
      md.append("| ").append(t.name()).append(" | ").append(t.failed() ? "❌ " : "✅ ").append(t.status()).append(" | ").append(t.indexes())
          .append(" | ").append(t.ttl().isEmpty() ? "—" : t.ttl()).append(" | ")
          .append(load == null ? "0" : load.written() + " of " + load.requested()).append(" | ").append(cell(t.message())).append(" |\n");
    }
    resources.items().stream().flatMap(i -> i.failures().stream().map(f -> "- ❌ item `" + f.pointer() + "`: " + f.errorCode() + ": " + f.message()))
        .forEach(l -> md.append(l).append('\n'));
    md.append('\n');
    section(md, "Access patterns that returned data or wrote successfully", Verdict.SUCCESS);
    section(md, "Access patterns that succeeded with an empty result", Verdict.SUCCESS_EMPTY);
    section(md, "Writes refused by their condition (constraint working as designed?)", Verdict.CONSTRAINT_FAILURE);
    section(md, "Access patterns served by other services", Verdict.SKIPPED_EXTERNAL);
    section(md, "Failed access patterns", Verdict.FAILURE, Verdict.INVALID_COMMAND);
    List<PatternOutcome> withFindings = patterns.stream().filter(p -> !p.findings().isEmpty() && !p.verdict().failed()).toList();
    if (!withFindings.isEmpty() || !modelDiagnostics.isEmpty()) {
      md.append("## Design findings\n\n");
      for (PatternOutcome p : withFindings) {
        for (Diagnostic d : p.findings()) {
          md.append("- ").append(d.isError() ? "❌" : "⚠️").append(" pattern ").append(p.patternId()).append(": ").append(d.message());
          if (!d.hint().isEmpty()) {
            md.append(" — ").append(d.hint());
          }
          md.append(" (`").append(d.id()).append("`)\n");
        }
      }
      for (Diagnostic d : modelDiagnostics) {
        md.append("- ⚠️ ").append(d.location().pointer()).append(": ").append(d.message()).append(" (`").append(d.id()).append("`)\n");
      }
      md.append('\n');
    }
    if (!localDifferences.isEmpty()) {
      md.append("## Where DynamoDB Local differs from AWS in this run\n\n");
      for (LocalDifference h : localDifferences) {
        LocalDifferences.Difference d = LocalDifferences.get(h.id());
        md.append("- ").append(h.where()).append(": ").append(d.summary()).append(h.detail().isEmpty() ? "" : " (" + h.detail() + ")")
            .append(" (`").append(h.id()).append("`)\n");
      }
      md.append('\n');
    }
    md.append("## Recommendations\n\n");
    long emptyToCheck = patterns.stream().filter(p -> p.verdict() == Verdict.SUCCESS_EMPTY && !p.asExpected()).count();
    long refusedToCheck = patterns.stream().filter(p -> p.verdict() == Verdict.CONSTRAINT_FAILURE && !p.asExpected()).count();
    if (s.failed() == 0 && emptyToCheck == 0 && refusedToCheck == 0 && s.resourceFailures() == 0 && s.unexpected() == 0) {
      md.append("Every access pattern ran as written. Next: estimate cost (`compute_performances_and_costs`), then generate infrastructure (`generate_resources`) or a data access layer.\n");
    } else {
      if (s.resourceFailures() > 0) {
        md.append("- Fix the table definitions or items marked ❌ above first; patterns on those tables cannot be trusted.\n");
      }
      if (s.failed() > 0) {
        md.append("- Fix each failed command: the error code and message above come from DynamoDB (or from the command parser when the command was not sent).\n");
      }
      if (s.unexpected() > 0) {
        md.append("- A pattern's outcome differs from its `expect` (`Pattern.UnexpectedOutcome` above): the design or the sample items do not do what the model says.\n");
      }
      if (emptyToCheck > 0) {
        md.append("- Empty results usually mean the sample items do not contain what the pattern looks for; add matching items so the pattern is really exercised.\n");
      }
      if (refusedToCheck > 0) {
        md.append("- A refused write is expected when the pattern demonstrates a guard (uniqueness, version check); otherwise change the sample data or the condition.\n");
      }
    }
    return md.toString();
  }

  private void section(StringBuilder md, String title, Verdict... verdicts) {
    List<PatternOutcome> ps = patterns.stream().filter(p -> List.of(verdicts).contains(p.verdict())).toList();
    if (ps.isEmpty()) {
      return;
    }
    md.append("## ").append(title).append("\n\n");
    for (PatternOutcome p : ps) {
      md.append("### ").append(p.asExpected() ? "✅" : p.verdict().marker()).append(" Pattern ").append(p.patternId()).append(": ").append(p.description())
          .append(p.asExpected() ? " (as expected)" : p.unexpected() ? " (not the expected outcome)" : "").append("\n\n");
      if (!p.operation().isEmpty()) {
        md.append("- Operation: ").append(p.operation()).append('\n');
      }
      if (p.verdict() == Verdict.SKIPPED_EXTERNAL) {
        md.append("- Served elsewhere: ").append(p.reason()).append("\n\n");
        continue;
      }
      p.result().ifPresent(r -> {
        if (r.success()) {
          boolean delete = p.command().contains(" delete-item ");
          md.append("- ").append(r.read() ? "Items returned: " : delete ? "Items deleted: " : "Items written: ").append(r.itemCount())
              .append(delete && r.itemCount() == 0 ? " (no item had this key)" : "").append('\n');
          if (!r.capacityText().isEmpty()) {
            md.append(r.capacityText().contains(" on AWS") ? "- Consumed capacity: " : "- Consumed capacity (DynamoDB Local): ")
                .append(r.capacityText()).append('\n');
          }
          if (r.read() && r.itemCount() > 0) {
            md.append("\n```json\n").append(Json.pretty(sample(r.internal().data()))).append("```\n");
          }
        } else {
          md.append("- Error: `").append(r.errorCode()).append("` (HTTP ").append(r.httpStatus()).append("): ").append(r.message()).append('\n');
          LocalDifferences.awsMessage(r.message()).ifPresent(aws -> md.append("- AWS gives the same error with the text: ").append(aws).append('\n'));
          if (!r.cancellationReasons().isEmpty()) {
            md.append("- Cancellation reasons: ").append(String.join(", ", r.cancellationReasons())).append('\n');
          }
        }
      });
      if (p.unexpected()) {
        p.findings().stream().filter(d -> d.id().equals("Pattern.UnexpectedOutcome")).forEach(d -> md.append("- ❌ ").append(d.message()).append('\n'));
      }
      if (p.verdict().failed()) {
        p.findings().stream().filter(Diagnostic::isError).forEach(d -> md.append("- ").append(d.message())
            .append(d.hint().isEmpty() ? "" : " — " + d.hint()).append('\n'));
        md.append("\n```bash\n").append(p.command()).append("\n```\n");
      }
      md.append('\n');
    }
  }

  /** The response with at most two items, so the report stays readable. */
  private static ObjectNode sample(ObjectNode data) {
    ObjectNode copy = data.deepCopy();
    if (copy.has("Items") && copy.get("Items").size() > 2) {
      ArrayNode items = (ArrayNode) copy.get("Items");
      int more = items.size() - 2;
      while (items.size() > 2) {
        items.remove(items.size() - 1);
      }
      copy.put("_more_items_not_shown", more);
    }
    return copy;
  }

  /** Capacity units AWS charges for the same calls by DynamoDB's rules (Local's figure where it is right). */
  public double awsConsumed(boolean reads) {
    return patterns.stream().flatMap(p -> p.result().stream()).filter(r -> r.read() == reads && r.consumedCapacity() > 0)
        .mapToDouble(PatternExecution::awsCapacity).sum();
  }

  /** Capacity units all successful reads (or writes) reported, one run of each pattern. */
  public double consumed(boolean reads) {
    return patterns.stream().flatMap(p -> p.result().stream()).filter(r -> r.read() == reads && r.consumedCapacity() > 0)
        .mapToDouble(PatternExecution::consumedCapacity).sum();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
