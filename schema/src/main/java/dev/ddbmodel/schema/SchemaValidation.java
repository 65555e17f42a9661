package dev.ddbmodel.schema;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.io.PathGuard;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.schema.internal.rules.UsageDataRules;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Validates {@code schema.json} and, optionally, {@code usage_data.json} against it. Both files
 * must lie inside the allowed base directory (the schema's folder unless given).
 */
public final class SchemaValidation {
  private SchemaValidation() {}

  /** Validates the request's files, which must lie inside its base directory. */
  public static SchemaValidationReport validate(SchemaValidationRequest req) {
    Path schemaAbs = req.schema().toAbsolutePath().normalize();
    Path base = req.baseDir().orElse(schemaAbs.getParent());
    Validated<PathGuard> guard = PathGuard.of(base);
    if (!guard.isValid()) {
      return io(guard.errors());
    }
    Validated<Path> schemaPath = guard.unwrap().resolveExistingFile(schemaAbs.toString());
    if (!schemaPath.isValid()) {
      return io(schemaPath.errors());
    }
    Validated<JsonDocument> doc = JsonDocument.read(schemaPath.unwrap(), schemaPath.unwrap().getFileName().toString());
    if (doc.isValid() && req.usageData().isPresent()) {
      Validated<Path> up = guard.unwrap().resolveExistingFile(req.usageData().get().toAbsolutePath().normalize().toString());
      if (!up.isValid()) {
        SchemaValidationReport schemaOnly = check(doc, Optional.empty());
        return new SchemaValidationReport(SchemaValidationReport.Outcome.IO_ERROR, schemaOnly.schemaIssues(),
            Optional.of(up.errors().stream().map(d -> new SchemaIssue("file", d)).toList()), schemaOnly.schema());
      }
      Path usagePath = up.unwrap();
      return check(doc, Optional.of(() -> JsonDocument.read(usagePath, usagePath.getFileName().toString())));
    }
    return check(doc, Optional.empty());
  }

  /**
   * Validates a schema (and optionally usage data) held as text; reads no file. The report equals
   * what {@link #validate(SchemaValidationRequest)} gives for files with the same text and names.
   *
   * @param schemaName the name diagnostics report the schema under, such as {@code schema.json}
   * @param schemaText the schema.json text
   * @param usageDataName the name for the usage data, such as {@code usage_data.json}
   * @param usageDataText the usage_data.json text, if any
   */
  public static SchemaValidationReport validate(String schemaName, String schemaText, String usageDataName, Optional<String> usageDataText) {
    return check(JsonDocument.parse(schemaName, schemaText),
        usageDataText.map(text -> () -> JsonDocument.parse(usageDataName, text)));
  }

  /** The schema's checks, then the usage data's (read only when the schema is valid). */
  private static SchemaValidationReport check(Validated<JsonDocument> doc, Optional<Supplier<Validated<JsonDocument>>> usageData) {
    if (!doc.isValid()) {
      return new SchemaValidationReport(doc.errors().get(0).kind() == dev.ddbmodel.core.Diagnostic.Kind.USAGE ? SchemaValidationReport.Outcome.IO_ERROR
          : SchemaValidationReport.Outcome.INVALID, doc.errors().stream().map(d -> new SchemaIssue("json", d)).toList(), Optional.empty(), Optional.empty());
    }
    List<SchemaIssue> issues = SchemaLoader.check(doc.unwrap());
    boolean ok = issues.stream().noneMatch(i -> i.diagnostic().isError());
    Optional<Schema> schema = ok ? Optional.of(SchemaLoader.build(doc.unwrap().root())) : Optional.empty();
    Optional<List<SchemaIssue>> usage = Optional.empty();
    if (usageData.isPresent()) {
      if (ok) {
        Validated<JsonDocument> ud = usageData.get().get();
        usage = Optional.of(ud.isValid() ? UsageDataRules.check(ud.unwrap(), schema.get())
            : ud.errors().stream().map(d -> new SchemaIssue("json", d)).toList());
      } else {
        usage = Optional.of(List.of());
      }
    }
    boolean usageOk = usage.map(u -> u.stream().noneMatch(i -> i.diagnostic().isError())).orElse(true);
    return new SchemaValidationReport(ok && usageOk ? SchemaValidationReport.Outcome.VALID : SchemaValidationReport.Outcome.INVALID,
        issues, usage, schema);
  }

  private static SchemaValidationReport io(List<Diagnostic> errors) {
    return new SchemaValidationReport(SchemaValidationReport.Outcome.IO_ERROR,
        errors.stream().map(d -> new SchemaIssue("file", d)).toList(), Optional.empty(), Optional.empty());
  }

  /** A diagnostic for callers that need one without a file. */
  static Diagnostic error(String id, String msg, String hint) {
    return Diagnostic.error(id, msg, SourceLocation.NONE, hint);
  }
}
