package dev.ddbmodel.adapter.mcp.tools;

import dev.ddbmodel.adapter.mcp.Arguments;
import dev.ddbmodel.adapter.mcp.ToolArgumentException;
import dev.ddbmodel.adapter.mcp.ToolBinding;
import dev.ddbmodel.adapter.mcp.ToolResult;
import dev.ddbmodel.adapter.mcp.ToolSpec;
import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.codegen.GenerationResult;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.Guides;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code generate_data_access_layer}: complete Python, Java or TypeScript code from schema.json. */
public final class GenerateDalTool implements ToolBinding {
  @Override
  public ToolSpec spec() {
    return new ToolSpec("generate_data_access_layer", "Generate the data access layer (Python, Java or TypeScript)",
        "Generates complete, working data access code from schema.json into generated_dal/ beside it: entity models,"
            + " one repository per entity with create/get/update (optimistic locking)/delete and every access pattern"
            + " implemented (queries with key, range and filter conditions, pagination, multi-attribute GSIs, batches,"
            + " cross-table transactions), table setup for DynamoDB Local, usage examples (from usage_data.json when given)"
            + " and access_pattern_mapping.json. language: python (Pydantic v2 + boto3), java (records + AWS SDK v2) or typescript"
            + " (strict TypeScript + AWS SDK for JavaScript v3 DocumentClient)."
            + " The schema is validated first; nothing is generated from an invalid schema. Writes: generated_dal/ keeps a"
            + " .ddbm-manifest.json of what ddbm wrote; calling again replaces only those files while unchanged. A generated"
            + " file the user changed stops the call (named in the result) unless overwrite is true; files the user added are"
            + " never touched, and a non-empty generated_dal/ that ddbm did not write is refused."
            + " Use after dynamodb_data_model_schema_validator passes; then review the generated code with the user and run"
            + " the usage examples against DynamoDB Local.",
        "/dev/ddbmodel/adapter/mcp/tools/generate_data_access_layer.input.json", false, true, true, false);
  }

  @Override
  public ToolResult call(Arguments args) {
    Path schema = args.path("schema_path");
    if (!Files.isRegularFile(schema)) {
      throw new ToolArgumentException("schema.json not found at " + schema
          + ". Create it first with dynamodb_data_model_schema_converter, then validate it with dynamodb_data_model_schema_validator.");
    }
    String lang = args.optionalString("language").orElse("python").toLowerCase(Locale.ROOT);
    DalRequest.Language language = switch (lang) {
      case "python" -> DalRequest.Language.PYTHON;
      case "java" -> DalRequest.Language.JAVA;
      case "typescript" -> DalRequest.Language.TYPESCRIPT;
      default -> throw new ToolArgumentException("Unsupported language `" + lang + "`. Supported: python, java, typescript");
    };
    Optional<Path> usage = args.optionalPath("usage_data_path");
    Validated<GenerationResult> r = DalGenerator.generate(new DalRequest(schema, language, Optional.empty(), usage,
        args.bool("generate_sample_usage", true), args.bool("overwrite", false)));
    if (!r.isValid()) {
      return ToolResult.invalid("No code was generated:", r.diagnostics());
    }
    GenerationResult g = r.unwrap();
    String notes = Guides.expect(switch (language) {
      case PYTHON -> "dal-python";
      case JAVA -> "dal-java";
      case TYPESCRIPT -> "dal-typescript";
    }).text();
    String run = switch (language) {
      case PYTHON -> "cd " + g.outputDir() + " && python3 usage_examples.py --endpoint http://127.0.0.1:8000";
      case JAVA -> "cd " + g.outputDir() + " && mvn -q compile exec:java -Dexec.mainClass=dal.UsageExamples -Dexec.args=http://127.0.0.1:8000";
      case TYPESCRIPT -> "cd " + g.outputDir() + " && npm install && npx tsc -p . && node dist/usage_examples.js --endpoint http://127.0.0.1:8000";
    };
    return ToolResult.ok("Code generation completed successfully in: " + g.outputDir() + "\n" + g.patterns() + " access patterns implemented; files: "
        + g.files() + "\nTry it against DynamoDB Local: " + run + "\n\n" + notes,
        Map.of("status", "success", "output_dir", g.outputDir().toString(), "files", g.files(), "patterns", g.patterns()));
  }
}
