package dev.ddbmodel.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.json.Json;
import java.util.List;
import java.util.Optional;

/**
 * Result of validating schema.json (and usage_data.json): outcome, findings with dotted paths,
 * and the parsed schema when valid.
 */
public record SchemaValidationReport(Outcome outcome, List<SchemaIssue> schemaIssues, Optional<List<SchemaIssue>> usageIssues,
    Optional<Schema> schema) {
  /** Overall outcome; IO_ERROR means a file could not be read or was refused. */
  public enum Outcome {
    VALID,
    INVALID,
    IO_ERROR
  }

  public SchemaValidationReport {
    schemaIssues = List.copyOf(schemaIssues);
    usageIssues = usageIssues.map(List::copyOf);
  }

  public boolean valid() {
    return outcome == Outcome.VALID;
  }

  /** Every diagnostic (schema then usage data). */
  public List<Diagnostic> diagnostics() {
    java.util.ArrayList<Diagnostic> all = new java.util.ArrayList<>();
    schemaIssues.forEach(i -> all.add(i.diagnostic()));
    usageIssues.ifPresent(u -> u.forEach(i -> all.add(i.diagnostic())));
    return all;
  }

  /** Text in the reference tool's format (✅ / ❌ / ⚠️ lines with 💡 suggestions). */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    boolean schemaOk = schemaIssues.stream().noneMatch(i -> i.diagnostic().isError());
    block(sb, "Schema", schemaIssues);
    usageIssues.ifPresent(u -> {
      if (!schemaOk) {
        sb.append("\n❌ Usage data validation failed:\n  • schema: Cannot validate usage_data because schema validation failed\n    💡 Fix the schema errors first\n");
      } else {
        if (u.stream().anyMatch(i -> i.diagnostic().isError())) {
          sb.append('\n');
        }
        block(sb, "Usage data", u);
      }
    });
    if (valid()) {
      sb.append("🎉 Validation completed successfully!\n");
    } else if (!schemaOk) {
      sb.append("\n❌ Validation failed: Schema validation failed\n");
    } else {
      sb.append("\n❌ Validation failed: Usage data validation failed\n");
    }
    return sb.toString();
  }

  private static void block(StringBuilder sb, String kind, List<SchemaIssue> issues) {
    List<SchemaIssue> errors = issues.stream().filter(i -> i.diagnostic().isError()).toList();
    List<SchemaIssue> warnings = issues.stream().filter(i -> !i.diagnostic().isError()).toList();
    if (errors.isEmpty() && warnings.isEmpty()) {
      sb.append("✅ ").append(kind).append(" validation passed!\n");
      return;
    }
    if (!errors.isEmpty()) {
      sb.append("❌ ").append(kind).append(" validation failed:\n");
      errors.forEach(i -> line(sb, i));
    }
    if (!warnings.isEmpty()) {
      sb.append("⚠️  Warnings:\n");
      warnings.forEach(i -> line(sb, i));
    }
  }

  private static void line(StringBuilder sb, SchemaIssue i) {
    Diagnostic d = i.diagnostic();
    sb.append("  • ").append(i.path()).append(": ").append(d.message());
    if (d.location().line() > 0) {
      sb.append(" (line ").append(d.location().line()).append(')');
    }
    sb.append('\n');
    if (!d.hint().isEmpty()) {
      sb.append("    💡 ").append(d.hint()).append('\n');
    }
  }

  /** JSON form: outcome, errors and warnings with path, pointer, line, column, id, message, hint. */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("valid", valid());
    o.put("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
    o.set("schema", issues(schemaIssues));
    usageIssues.ifPresent(u -> o.set("usage_data", issues(u)));
    return o;
  }

  private static ArrayNode issues(List<SchemaIssue> list) {
    ArrayNode a = Json.array();
    for (SchemaIssue i : list) {
      ObjectNode x = a.addObject();
      x.put("path", i.path());
      i.diagnostic().toMap().forEach((k, v) -> x.set(k, Json.toTree(v)));
    }
    return a;
  }
}
