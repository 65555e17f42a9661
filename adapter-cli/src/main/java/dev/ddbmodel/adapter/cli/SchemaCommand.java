package dev.ddbmodel.adapter.cli;

import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.schema.SchemaValidation;
import dev.ddbmodel.schema.SchemaValidationReport;
import dev.ddbmodel.schema.SchemaValidationRequest;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddbm schema ...}. */
@Command(name = "schema", description = "Work with schema.json (the code generator's input).", subcommands = {SchemaCommand.Validate.class, SchemaCommand.JsonSchema.class})
final class SchemaCommand {

  /** {@code ddbm schema validate SCHEMA [--usage-data FILE]}: exit 0 valid, 1 invalid, 2 unreadable. */
  @Command(name = "validate", description = "Validate schema.json and optionally usage_data.json.")
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SCHEMA", description = "schema.json")
    Path schema;

    @Option(names = "--usage-data", paramLabel = "FILE", description = "usage_data.json (must be inside the schema's folder).")
    Path usage;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      SchemaValidationReport r = SchemaValidation.validate(new SchemaValidationRequest(schema, Optional.ofNullable(usage), Optional.empty()));
      spec.commandLine().getOut().print(output.json() ? Json.pretty(r.toJson()) : r.toText());
      return switch (r.outcome()) {
        case VALID -> ExitCodes.OK;
        case INVALID -> ExitCodes.INVALID;
        case IO_ERROR -> ExitCodes.USAGE;
      };
    }
  }

  /** {@code ddbm schema json-schema}: prints the JSON Schema of schema.json for editors. */
  @Command(name = "json-schema", description = "Print the JSON Schema (draft 2020-12) of schema.json, for editor completion and checks.")
  static final class JsonSchema implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      spec.commandLine().getOut().print(dev.ddbmodel.schema.internal.rules.SchemaJsonSchema.text());
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
