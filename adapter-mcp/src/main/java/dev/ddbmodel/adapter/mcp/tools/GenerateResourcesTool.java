package dev.ddbmodel.adapter.mcp.tools;

import dev.ddbmodel.adapter.mcp.Arguments;
import dev.ddbmodel.adapter.mcp.ToolArgumentException;
import dev.ddbmodel.adapter.mcp.ToolBinding;
import dev.ddbmodel.adapter.mcp.ToolResult;
import dev.ddbmodel.adapter.mcp.ToolSpec;
import dev.ddbmodel.codegen.InfraGenerator;
import dev.ddbmodel.codegen.InfraRequest;
import dev.ddbmodel.codegen.InfraResult;
import dev.ddbmodel.core.Validated;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code generate_resources}: a CDK app or CloudFormation templates beside the data model JSON. */
public final class GenerateResourcesTool implements ToolBinding {
  @Override
  public ToolSpec spec() {
    return new ToolSpec(
        "generate_resources",
        "Generate infrastructure (CDK app or CloudFormation) for the data model",
        "Generates infrastructure for every table and GSI in dynamodb_data_model.json: resource_type `cdk` writes a"
            + " standalone TypeScript CDK app into `cdk/` beside the file (pinned dependencies; run npm install, npx cdk"
            + " deploy), `cloudformation` writes `cloudformation/template.json` and `template.yaml`. Tables keep the"
            + " model's names, on-demand billing unless the model says otherwise, point-in-time recovery on, and are"
            + " retained when the stack is deleted. The model is validated first. Writes: like the reference, an existing"
            + " output folder is refused unless overwrite is true; then only files ddbm generated there (listed in its"
            + " .ddbm-manifest.json) are replaced, and files the user added are never touched. Use after"
            + " dynamodb_data_model_validation passes and the user chose to deploy; it writes files only and never deploys"
            + " (tell the user the commands to run). Not for application code: see dynamodb_data_model_schema_converter"
            + " and generate_data_access_layer.",
        "/dev/ddbmodel/adapter/mcp/tools/generate_resources.input.json",
        false, true, true, false);
  }

  @Override
  public ToolResult call(Arguments args) {
    Path model = args.path("dynamodb_data_model_json_file");
    if (!Files.isRegularFile(model)) {
      throw new ToolArgumentException("`dynamodb_data_model_json_file` does not exist: " + model
          + ". Write the data model JSON first (see dynamodb_data_model_validation).");
    }
    String type = args.string("resource_type").toLowerCase(Locale.ROOT);
    InfraRequest.Type t = switch (type) {
      case "cdk" -> InfraRequest.Type.CDK;
      case "cloudformation", "cfn" -> InfraRequest.Type.CLOUDFORMATION;
      default -> throw new ToolArgumentException("Unknown resource_type `" + type + "`. Supported: cdk, cloudformation");
    };
    InfraRequest base = InfraRequest.of(model, t);
    Validated<InfraResult> r = InfraGenerator.generate(new InfraRequest(model, t, Optional.empty(), args.bool("overwrite", false), base.retain(),
        base.deletionProtection(), base.pointInTimeRecovery(), base.stackName()));
    if (!r.isValid()) {
      return ToolResult.invalid("Infrastructure was not generated:", r.diagnostics());
    }
    InfraResult res = r.unwrap();
    String next = t == InfraRequest.Type.CDK
        ? "Next: cd " + res.outputDir() + " && npm install && npx cdk synth (then npx cdk deploy with AWS credentials)."
        : "Next: aws cloudformation deploy --template-file " + res.outputDir().resolve("template.yaml") + " --stack-name <name>.";
    return ToolResult.ok("Successfully generated " + (t == InfraRequest.Type.CDK ? "CDK project" : "CloudFormation templates") + " at '"
        + res.outputDir() + "' for tables " + res.tables() + ". Files: " + res.files() + ".\n" + next,
        Map.of("status", "success", "output_dir", res.outputDir().toString(), "files", res.files(), "tables", res.tables()));
  }
}
