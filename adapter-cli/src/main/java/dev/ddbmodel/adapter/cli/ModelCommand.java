package dev.ddbmodel.adapter.cli;

import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationReport;
import dev.ddbmodel.validation.ModelValidationRequest;
import dev.ddbmodel.validation.PatternOutcome;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddbm model ...}: work with dynamodb_data_model.json. */
@Command(name = "model", description = "Work with dynamodb_data_model.json.", subcommands = ModelCommand.Validate.class)
final class ModelCommand {

  /** {@code ddbm model validate WORKSPACE_DIR}. */
  @Command(name = "validate", description = "Create the model's tables on DynamoDB Local (embedded, in memory), load its items, run every access pattern and write dynamodb_model_validation.json and .md into the workspace.")
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "WORKSPACE_DIR", description = "Folder holding dynamodb_data_model.json.")
    Path workspace;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Use this DynamoDB-compatible endpoint (loopback only) instead of the embedded DynamoDB Local.")
    URI endpoint;

    @Option(names = "--replace-existing-tables", description = "With --endpoint: delete and recreate model tables that already exist there.")
    boolean replace;

    @Option(names = "--keep-tables", description = "With --endpoint: leave the created tables in place afterwards.")
    boolean keep;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      Style style = new Style(spec.commandLine().getColorScheme().ansi());
      if (endpoint == null) {
        spec.commandLine().getErr().println("Running on embedded DynamoDB Local...");
      }
      Validated<ModelValidationReport> r;
      try (StatusLine status = StatusLine.forTerminal(spec.commandLine().getErr())) {
        r = ModelValidation.run(new ModelValidationRequest(
            workspace.toAbsolutePath(), Optional.ofNullable(endpoint), replace, keep, true, Clock.systemUTC()), status);
      }
      if (!r.isValid()) {
        Diagnostics.print(out, r.diagnostics(), output.json(), style);
        return Diagnostics.exitCode(r.diagnostics());
      }
      ModelValidationReport report = r.unwrap();
      if (output.json()) {
        out.print(Json.pretty(report.toJson()));
      } else {
        ModelValidationReport.Summary s = report.summary();
        for (PatternOutcome p : report.patterns()) {
          String line = String.format(Locale.ROOT, "%s %-6s %-18s %s%s", p.verdict().marker(), p.patternId(),
              p.operation().isEmpty() ? "-" : p.operation(), p.description(),
              p.result().map(x -> x.success()
                  ? (x.consumedCapacity() >= 0 ? String.format(Locale.ROOT, "  (%s %s)", units(x.consumedCapacity()), x.read() ? "RCU" : "WCU") : "")
                  : "  [" + x.errorCode() + ": " + x.message() + "]").orElse(""));
          out.println(p.verdict().failed() ? style.bad(line) : line);
          p.findings().forEach(d -> out.println("         " + (d.isError() ? style.bad(d.format()) : style.warn(d.format()))));
        }
        out.println();
        String status = s.status().replace('_', ' ').toUpperCase(Locale.ROOT);
        out.println(style.bold("Status: ") + (report.passed() ? style.ok(status) : style.bad(status))
            + String.format(Locale.ROOT, "  (%d patterns: %d ok, %d empty, %d refused by condition, %d failed, %d external)",
                s.total(), s.succeeded(), s.empty(), s.constraintFailures(), s.failed(), s.skippedExternal()));
        Path ws = workspace.toAbsolutePath();
        out.println("Reports: " + ws.resolve(ModelValidationReport.JSON_FILE) + ", " + ws.resolve(ModelValidationReport.MARKDOWN_FILE));
      }
      return report.passed() ? ExitCodes.OK : ExitCodes.INVALID;
    }
  }

  static String units(double u) {
    return u == Math.rint(u) ? Long.toString((long) u) : String.format(Locale.ROOT, "%.1f", u);
  }
}
