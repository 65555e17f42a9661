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
@Command(name = "model", description = "Work with dynamodb_data_model.json.", subcommands = {ModelCommand.Validate.class, ModelCommand.Extract.class})
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
                  ? (x.capacityText().isEmpty() ? "" : "  (" + x.capacityText() + ")")
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

  /** {@code ddbm model extract}: deployed tables back into a dynamodb_data_model.json (read-only calls). */
  @Command(name = "extract", description = "Read deployed tables (DynamoDB or a local emulator) back into dynamodb_data_model.json:"
      + " tables in CreateTable shape, sample items and an empty access_patterns list to fill in. Only read calls are made.")
  static final class Extract implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--endpoint", paramLabel = "URL", description = "A DynamoDB-compatible endpoint such as DynamoDB Local; without it, DynamoDB in --region with your AWS credentials.")
    URI endpoint;

    @Option(names = "--region", description = "AWS region (default: the SDK's region chain, e.g. AWS_REGION).")
    String region;

    @Option(names = "--table", paramLabel = "NAME", description = "Table to read (repeatable; default: every table).")
    java.util.List<String> tables = new java.util.ArrayList<>();

    @Option(names = "--sample", paramLabel = "N", defaultValue = "10", description = "Items copied per table (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Folder for dynamodb_data_model.json (default: current folder).")
    Path out;

    @Option(names = "--overwrite", description = "Replace an existing dynamodb_data_model.json.")
    boolean overwrite;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      PrintWriter o = spec.commandLine().getOut();
      Style style = new Style(spec.commandLine().getColorScheme().ansi());
      if (sample < 0) {
        spec.commandLine().getErr().println("ddbm model extract: --sample must be 0 or more");
        return ExitCodes.USAGE;
      }
      var r = dev.ddbmodel.validation.extract.ModelExtractor.run(
          new dev.ddbmodel.validation.extract.ExtractRequest(tables, sample, out.toAbsolutePath(), overwrite), Optional.ofNullable(endpoint), Optional.ofNullable(region));
      if (!r.isValid()) {
        Diagnostics.print(o, r.diagnostics(), output.json(), style);
        return Diagnostics.exitCode(r.diagnostics());
      }
      var res = r.unwrap();
      if (output.json()) {
        o.print(Json.pretty(Json.toTree(java.util.Map.of("file", res.file().toString(), "tables", res.tables(), "items", res.items(),
            "diagnostics", r.diagnostics().stream().map(dev.ddbmodel.core.Diagnostic::toMap).toList()))));
      } else {
        // tables left out and settings the endpoint could not give are reported per table
        Diagnostics.print(o, r.diagnostics(), false, style);
        o.println(style.ok("Wrote " + res.file()) + String.format(Locale.ROOT, " (%d tables, %d sample items)", res.tables().size(), res.items()));
        o.println("Next: add one entry per access pattern to access_patterns, then run ddbm model validate " + res.file().getParent());
      }
      o.flush();
      return ExitCodes.OK;
    }
  }
}
