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
@Command(name = "model", description = "Work with dynamodb_data_model.json.", subcommands = {ModelCommand.Validate.class, ModelCommand.Extract.class,
    ModelCommand.ImportWorkbench.class, ModelCommand.ExportWorkbench.class, ModelCommand.View.class})
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
        return Diagnostics.fail(spec, r.diagnostics(), output.json());
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
      var r = dev.ddbmodel.validation.ModelExtractor.run(
          new dev.ddbmodel.validation.ExtractRequest(tables, sample, out.toAbsolutePath(), overwrite), Optional.ofNullable(endpoint), Optional.ofNullable(region));
      if (!r.isValid()) {
        return Diagnostics.fail(spec, r.diagnostics(), output.json());
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

  /** Prints findings (warnings and notes) under a heading, one diagnostic per line. */
  private static void findings(PrintWriter o, Style style, String heading, java.util.List<dev.ddbmodel.core.Diagnostic> ds) {
    if (ds.isEmpty()) {
      return;
    }
    o.println(style.bold(heading + " (" + ds.size() + "):"));
    for (dev.ddbmodel.core.Diagnostic d : ds) {
      o.println("  " + (d.severity() == dev.ddbmodel.core.Severity.WARNING ? style.warn(d.format()) : d.format()));
    }
  }

  /** {@code ddbm model import-workbench FILE}: a NoSQL Workbench model into dynamodb_data_model.json and a schema.json skeleton. */
  @Command(name = "import-workbench", description = "Import a NoSQL Workbench model (its JSON export, format 3.0) into dynamodb_data_model.json"
      + " (tables, indexes, capacity and auto scaling, sample items) and a schema.json skeleton (one entity per facet). Everything"
      + " not carried is listed; access patterns must be added afterwards (ddbm guide workbench).")
  static final class ImportWorkbench implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The Workbench model file.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Folder for dynamodb_data_model.json and schema.json (default: current folder).")
    Path out;

    @Option(names = "--overwrite", description = "Replace existing dynamodb_data_model.json and schema.json.")
    boolean overwrite;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      PrintWriter o = spec.commandLine().getOut();
      Style style = new Style(spec.commandLine().getColorScheme().ansi());
      var r = dev.ddbmodel.validation.WorkbenchImport.run(
          new dev.ddbmodel.validation.ImportRequest(file.toAbsolutePath(), out.toAbsolutePath(), overwrite));
      if (!r.isValid()) {
        return Diagnostics.fail(spec, r.diagnostics(), output.json());
      }
      var res = r.unwrap();
      var c = res.conversion();
      if (output.json()) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("status", "imported");
        m.put("model_file", res.modelFile().toString());
        m.put("schema_file", res.schemaFile().toString());
        m.put("tables", c.tables());
        m.put("items", c.items());
        m.put("entities", c.entities());
        m.put("findings", c.findings().stream().map(dev.ddbmodel.core.Diagnostic::toMap).toList());
        m.put("todo", c.todo());
        o.print(Json.pretty(m));
      } else {
        o.println(style.ok("Imported " + file.getFileName()) + String.format(Locale.ROOT, ": %d table(s), %d sample item(s), %d entit%s",
            c.tables().size(), c.items(), c.entities().size(), c.entities().size() == 1 ? "y" : "ies"));
        o.println("  wrote " + res.modelFile());
        o.println("  wrote " + res.schemaFile());
        findings(o, style, "Not carried, assumed or merged", c.findings());
        o.println(style.bold("To do:"));
        for (int i = 0; i < c.todo().size(); i++) {
          o.println("  " + (i + 1) + ". " + c.todo().get(i));
        }
        o.println("Next: ddbm model validate " + res.modelFile().getParent() + "   (then ddbm model view " + res.modelFile().getParent() + ")");
      }
      o.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code ddbm model export-workbench [WORKSPACE]}: dynamodb_data_model.json (+ schema.json facets) as a Workbench model file. */
  @Command(name = "export-workbench", description = "Write a NoSQL Workbench model file (format 3.0) from dynamodb_data_model.json, with the entities of"
      + " schema.json (when present) as facets. Lists what Workbench cannot hold (access patterns, streams, TTL, per-index capacity...).")
  static final class ExportWorkbench implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "WORKSPACE", arity = "0..1", defaultValue = ".", description = "Folder holding dynamodb_data_model.json (default: current folder).")
    Path workspace;

    @Option(names = "--out", paramLabel = "FILE", description = "The Workbench file (default: WORKSPACE/workbench_model.json).")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "The Workbench model name (default: the workspace folder's name).")
    String name;

    @Option(names = "--no-schema", description = "Do not turn schema.json entities into facets.")
    boolean noSchema;

    @Option(names = "--overwrite", description = "Replace an existing file.")
    boolean overwrite;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      PrintWriter o = spec.commandLine().getOut();
      Style style = new Style(spec.commandLine().getColorScheme().ansi());
      var r = dev.ddbmodel.validation.WorkbenchExport.run(new dev.ddbmodel.validation.ExportRequest(
          workspace.toAbsolutePath(), Optional.ofNullable(out).map(Path::toAbsolutePath), Optional.ofNullable(name), !noSchema, overwrite,
          java.time.Instant.now()));
      if (!r.isValid()) {
        return Diagnostics.fail(spec, r.diagnostics(), output.json());
      }
      var res = r.unwrap();
      if (output.json()) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("status", "exported");
        m.put("file", res.file().toString());
        m.put("tables", res.tables());
        m.put("facets", res.facets());
        m.put("items", res.items());
        m.put("findings", res.diagnostics().stream().map(dev.ddbmodel.core.Diagnostic::toMap).toList());
        o.print(Json.pretty(m));
      } else {
        o.println(style.ok("Wrote " + res.file()) + String.format(Locale.ROOT, " (%d table(s), %d facet(s), %d sample item(s))",
            res.tables().size(), res.facets(), res.items()));
        findings(o, style, "Not carried into the Workbench file", res.diagnostics());
        o.println("Open it in NoSQL Workbench: Data modeler > Import data model. ddbm model import-workbench reads it back.");
      }
      o.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code ddbm model view [WORKSPACE]}: the model explorer page. */
  @Command(name = "view", description = "Write one self-contained HTML page that shows the model: item collections of every table and index,"
      + " entity types by colour, and the access patterns, which highlight the items they read and write, with the last validation"
      + " verdict, consumed capacity and monthly cost. Opens from disk; nothing is fetched.")
  static final class View implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "WORKSPACE", arity = "0..1", defaultValue = ".", description = "Folder holding dynamodb_data_model.json (default: current folder).")
    Path workspace;

    @Option(names = "--out", paramLabel = "FILE", description = "The HTML file (default: WORKSPACE/dynamodb_model_view.html; a page written earlier is replaced).")
    Path out;

    @Option(names = "--overwrite", description = "Replace the file even if ddbm model view did not write it.")
    boolean overwrite;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      PrintWriter o = spec.commandLine().getOut();
      Style style = new Style(spec.commandLine().getColorScheme().ansi());
      var r = dev.ddbmodel.validation.ModelView.run(new dev.ddbmodel.validation.ViewRequest(
          workspace.toAbsolutePath(), Optional.ofNullable(out).map(Path::toAbsolutePath), overwrite));
      if (!r.isValid()) {
        return Diagnostics.fail(spec, r.diagnostics(), output.json());
      }
      var res = r.unwrap();
      if (output.json()) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("status", "written");
        m.put("file", res.file().toString());
        m.put("sources", res.sources());
        m.put("tables", res.tables());
        m.put("items", res.items());
        m.put("access_patterns", res.patterns());
        m.put("findings", r.diagnostics().stream().map(dev.ddbmodel.core.Diagnostic::toMap).toList());
        o.print(Json.pretty(m));
      } else {
        o.println(style.ok("Wrote " + res.file()) + String.format(Locale.ROOT, " (%d table(s), %d sample item(s), %d access pattern(s); from %s)",
            res.tables(), res.items(), res.patterns(), String.join(", ", res.sources())));
        r.diagnostics().stream().filter(d -> d.id().startsWith("View.")).forEach(d -> o.println("  " + style.warn(d.format())));
        o.println("Open it in a browser: " + res.file().toUri());
      }
      o.flush();
      return ExitCodes.OK;
    }
  }
}
