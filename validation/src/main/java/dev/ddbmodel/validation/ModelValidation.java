package dev.ddbmodel.validation;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Progress;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.io.IoMessages;
import dev.ddbmodel.core.io.Outputs;
import dev.ddbmodel.core.io.PathGuard;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.AccessPatternSpec;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.core.TableSpec;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommand;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommandParser;
import dev.ddbmodel.validation.internal.exec.CommandExecutor;
import dev.ddbmodel.validation.internal.exec.ExecutionResult;
import dev.ddbmodel.validation.internal.exec.LocalDifferences;
import dev.ddbmodel.validation.internal.run.Provisioner;
import dev.ddbmodel.validation.internal.run.StaticChecksAccess;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Validates a {@code dynamodb_data_model.json} against DynamoDB: creates its tables, loads its
 * items, runs every access pattern's command and classifies each outcome. By default everything
 * happens on an in-memory DynamoDB Local inside this JVM, which is discarded afterwards.
 */
public final class ModelValidation {
  private ModelValidation() {}

  /**
   * Runs the validation. User problems (missing or malformed model, refused endpoint) come back
   * as diagnostics; environment failures (DynamoDB Local cannot start, the workspace is not
   * writable) throw.
   */
  public static Validated<ModelValidationReport> run(ModelValidationRequest request) {
    return run(request, Progress.NONE);
  }

  /**
   * Runs the validation and reports each step (table creation, item loading, every access
   * pattern) to {@code progress}.
   */
  public static Validated<ModelValidationReport> run(ModelValidationRequest request, Progress progress) {
    Validated<PathGuard> guard = PathGuard.of(request.workspaceDir());
    if (!guard.isValid()) {
      return Validated.invalid(guard.errors());
    }
    Validated<Path> file = guard.unwrap().resolve(DataModelLoader.FILE_NAME);
    if (!file.isValid()) {
      return Validated.invalid(file.errors());
    }
    if (!file.unwrap().toFile().isFile()) {
      return Validated.invalid(Diagnostic.usage("Validation.ModelMissing",
          "`" + DataModelLoader.FILE_NAME + "` was not found in `" + guard.unwrap().base() + "`",
          SourceLocation.of(DataModelLoader.FILE_NAME, ""),
          "write the data model JSON first (tables, items, access_patterns); the JSON generation guide explains the format"));
    }
    Validated<DataModel> model = DataModelLoader.load(file.unwrap());
    if (!model.isValid()) {
      return Validated.invalid(model.diagnostics());
    }
    if (request.endpoint().isPresent()) {
      Optional<Diagnostic> refused = checkEndpoint(request.endpoint().get());
      if (refused.isPresent()) {
        return Validated.invalid(refused.get());
      }
    }
    Validated<ModelValidationReport> report;
    if (request.endpoint().isEmpty()) {
      try (LocalDynamoDb local = LocalDynamoDb.embedded()) {
        report = execute(model.unwrap(), model.diagnostics(), local.client(), "embedded DynamoDB Local", request, List.of(), progress);
      }
    } else {
      try (DynamoDbClient client = LocalDynamoDb.clientFor(request.endpoint().get())) {
        Provisioner p = new Provisioner(client);
        List<String> existing;
        try {
          existing = new ArrayList<>(p.existingTables());
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
          // nothing answers there: the environment, not the model
          return Validated.invalid(Diagnostic.environment("Validation.EndpointUnreachable",
              "cannot reach `" + request.endpoint().get() + "`: " + IoMessages.cause(e.getCause() == null ? e : e.getCause()),
              SourceLocation.NONE, "start DynamoDB Local (e.g. `ddbm local`) at that address, or leave out --endpoint to use the embedded one"));
        }
        existing.retainAll(Provisioner.names(model.unwrap()));
        if (!existing.isEmpty() && !request.replaceExistingTables()) {
          return Validated.invalid(Diagnostic.error("Validation.TablesExist",
              "tables " + existing + " already exist at " + request.endpoint().get()
                  + "; the run would delete them", SourceLocation.NONE,
              "confirm with --replace-existing-tables (they are deleted and recreated), or use another endpoint"));
        }
        p.delete(existing);
        try {
          report = execute(model.unwrap(), model.diagnostics(), client, request.endpoint().get().toString(), request, existing, progress);
        } finally {
          if (!request.keepTables()) {
            p.delete(Provisioner.names(model.unwrap()));
          }
        }
      }
    }
    if (request.writeReports() && report.isValid()) {
      ModelValidationReport r = report.unwrap();
      Path dir = guard.unwrap().base();
      Map<Path, String> files = new LinkedHashMap<>();
      files.put(dir.resolve(ModelValidationReport.JSON_FILE), Json.pretty(r.toJson()));
      files.put(dir.resolve(ModelValidationReport.MARKDOWN_FILE), r.toMarkdown());
      // an earlier report is replaced; a file of the user's with a report's name is not
      Validated<List<Path>> written = Outputs.standard().writeOwnedTextFiles(files, false, ModelValidationReport::isReport,
          "rename your file: ddbm writes its validation report under this name");
      if (!written.isValid()) {
        return Validated.invalid(written.errors());
      }
    }
    return report;
  }

  /** Only loopback endpoints: a validation run creates and deletes tables. */
  public static Optional<Diagnostic> checkEndpoint(URI endpoint) {
    String host = endpoint.getHost();
    String scheme = endpoint.getScheme();
    if (host == null || scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
      return Optional.of(Diagnostic.error("Validation.BadEndpoint", "endpoint `" + endpoint + "` is not an http(s) URL",
          SourceLocation.NONE, "e.g. http://127.0.0.1:8000"));
    }
    boolean loopback;
    try {
      String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
      loopback = h.equals("localhost") || (h.matches("[0-9.:a-fA-F]+") && InetAddress.getByName(h).isLoopbackAddress());
    } catch (UnknownHostException e) {
      loopback = false;
    }
    if (!loopback) {
      return Optional.of(Diagnostic.error("Validation.RemoteEndpoint",
          "endpoint `" + endpoint + "` is not on this machine; a validation run creates and deletes tables, so only loopback endpoints are allowed",
          SourceLocation.NONE, "run DynamoDB Local (or another emulator) on 127.0.0.1, or leave out --endpoint to use the embedded one"));
    }
    return Optional.empty();
  }

  private static Validated<ModelValidationReport> execute(DataModel model, List<Diagnostic> modelDiagnostics, DynamoDbClient client,
      String endpointName, ModelValidationRequest request, List<String> replaced, Progress progress) {
    Provisioner p = new Provisioner(client);
    List<ResourceOutcome.TableOutcome> tables = new ArrayList<>();
    List<LocalDifference> differences = new ArrayList<>();
    List<Diagnostic> upFront = new ArrayList<>(modelDiagnostics);
    upFront.addAll(Provisioner.expiredItemFindings(model, request.clock().instant()));
    int total = model.tables().size() + model.items().size() + model.accessPatterns().size();
    int done = 0;
    for (TableSpec t : model.tables()) {
      progress.update(done++, total, "create table " + t.name());
      ResourceOutcome.TableOutcome created = p.create(t, replaced.contains(t.name()));
      long expired = Provisioner.expiredItems(t, model.items().getOrDefault(t.name(), List.of()), request.clock().instant());
      if (expired > 0 && created.ttl().startsWith("enabled")) {
        created = new ResourceOutcome.TableOutcome(created.name(), created.status(), created.message(), created.indexes(), created.ttl() + "; "
            + expired + " sample item(s) already past their expiry: DynamoDB (DynamoDB Local too) may delete them at any moment, so results can vary;"
            + " use epoch seconds in the future");
      }
      tables.add(created);
      differences.addAll(LocalDifferences.tableHits(t));
    }
    List<ResourceOutcome.ItemLoad> loads = new ArrayList<>();
    for (var e : model.items().entrySet()) {
      progress.update(done++, total, "load " + e.getValue().size() + " items into " + e.getKey());
      loads.add(p.load(e.getKey(), e.getValue()));
    }
    CommandExecutor exec = new CommandExecutor(client);
    List<PatternOutcome> outcomes = new ArrayList<>();
    for (AccessPatternSpec ap : model.accessPatterns()) {
      progress.update(done++, total, "pattern " + ap.pattern() + ": " + ap.description());
      PatternOutcome o = runPattern(model, ap, exec);
      outcomes.add(o);
      if (o.result().isPresent() && !o.command().isEmpty()) {
        AwsCliCommandParser.parse(o.command(), SourceLocation.NONE).findValue().ifPresent(cmd ->
            differences.addAll(LocalDifferences.hits(model, "pattern " + ap.pattern(), cmd, o.result().get().internal())));
      }
    }
    progress.update(done, total, "done");
    return Validated.valid(new ModelValidationReport(request.clock().instant(), endpointName,
        new ResourceOutcome(tables, loads), outcomes, upFront, differences));
  }

  static PatternOutcome runPattern(DataModel model, AccessPatternSpec ap, CommandExecutor exec) {
    String op = ap.operation().orElse("");
    if (ap.implementation().isEmpty()) {
      return new PatternOutcome(ap.pattern(), ap.description(), op, "", ap.reason().orElse(""),
          Verdict.SKIPPED_EXTERNAL, Optional.empty(), List.of(), ap.pointer());
    }
    String command = ap.implementation().get();
    SourceLocation where = SourceLocation.of(model.file(), ap.pointer() + "/implementation");
    Validated<AwsCliCommand> parsed = AwsCliCommandParser.parse(command, where);
    if (!parsed.isValid()) {
      return new PatternOutcome(ap.pattern(), ap.description(), op, command, "", Verdict.INVALID_COMMAND,
          Optional.empty(), parsed.diagnostics(), ap.pointer());
    }
    AwsCliCommand cmd = parsed.unwrap();
    List<Diagnostic> findings = new ArrayList<>(parsed.diagnostics());
    findings.addAll(StaticChecksAccess.check(model, ap, cmd, where));
    ExecutionResult r = exec.execute(cmd);
    Verdict v;
    if (r.success()) {
      v = r.read() && r.itemCount() == 0 ? Verdict.SUCCESS_EMPTY : Verdict.SUCCESS;
    } else {
      v = r.conditionFailed() ? Verdict.CONSTRAINT_FAILURE : Verdict.FAILURE;
    }
    Optional<Boolean> expected = ap.expect().map(e -> switch (e) {
      case ITEMS -> v == Verdict.SUCCESS;
      case EMPTY -> v == Verdict.SUCCESS_EMPTY;
      case REFUSED -> v == Verdict.CONSTRAINT_FAILURE;
    });
    if (expected.isPresent() && !expected.get()) {
      findings.add(Diagnostic.error("Pattern.UnexpectedOutcome", "the pattern expects `" + ap.expect().get().label() + "` but "
              + happened(v, r), where.withPointer(ap.pointer() + "/expect"),
          "fix the command or the sample items, or change `expect` if this outcome is the intended one"));
    }
    return new PatternOutcome(ap.pattern(), ap.description(), op, command, "", v, Optional.of(PatternExecution.of(r)), findings, ap.pointer(), expected);
  }

  private static String happened(Verdict v, ExecutionResult r) {
    return switch (v) {
      case SUCCESS -> r.read() ? "it returned " + r.itemCount() + " item(s)" : "it succeeded";
      case SUCCESS_EMPTY -> "it returned no item";
      case CONSTRAINT_FAILURE -> "DynamoDB refused it by condition (" + r.errorCode() + ")";
      default -> "it failed (" + r.errorCode() + ": " + r.message() + ")";
    };
  }
}
