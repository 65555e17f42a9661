package dev.ddbmodel.adapter.cli;

import dev.ddbmodel.codegen.InfraGenerator;
import dev.ddbmodel.codegen.InfraRequest;
import dev.ddbmodel.codegen.InfraResult;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddbm generate ...}: code and infrastructure. */
@Command(name = "generate", description = "Generate infrastructure or data access code.", subcommands = {GenerateCommand.Dal.class, GenerateCommand.Resources.class})
final class GenerateCommand {

  /** {@code ddbm generate dal SCHEMA [--language python|java|typescript]}. */
  @Command(name = "dal", description = "Complete data access code (Python, Java or TypeScript) from schema.json.")
  static final class Dal implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "SCHEMA", description = "schema.json")
    Path schema;

    @Option(names = "--language", defaultValue = "python", description = "python, java or typescript (default: ${DEFAULT-VALUE}).")
    dev.ddbmodel.codegen.DalRequest.Language language;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: generated_dal/ beside the schema): a new or empty folder, or one ddbm generated"
        + " before (it keeps a .ddbm-manifest.json). Files you changed stop the run; files you added are never touched.")
    Path out;

    @Option(names = "--overwrite", description = "Also replace generated files you changed (files ddbm did not write are still never replaced).")
    boolean overwrite;

    @Option(names = "--usage-data", paramLabel = "FILE", description = "usage_data.json for the examples.")
    Path usage;

    @Option(names = "--no-examples", description = "Do not write usage examples.")
    boolean noExamples;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      PrintWriter o = spec.commandLine().getOut();
      Style style = new Style(spec.commandLine().getColorScheme().ansi());
      Validated<dev.ddbmodel.codegen.GenerationResult> r = dev.ddbmodel.codegen.DalGenerator.generate(new dev.ddbmodel.codegen.DalRequest(
          schema.toAbsolutePath(), language, Optional.ofNullable(out).map(Path::toAbsolutePath), Optional.ofNullable(usage).map(Path::toAbsolutePath), !noExamples, overwrite));
      if (!r.isValid()) {
        return Diagnostics.fail(spec, r.diagnostics(), output.json());
      }
      var g = r.unwrap();
      if (output.json()) {
        o.print(Json.pretty(Map.of("output_dir", g.outputDir().toString(), "files", g.files(), "patterns", g.patterns())));
      } else {
        o.println(style.ok("Generated " + g.files().size() + " files in " + g.outputDir()) + " (" + g.patterns() + " access patterns implemented)");
        g.files().forEach(f -> o.println("  " + f));
      }
      return ExitCodes.OK;
    }
  }

  /** {@code ddbm generate resources MODEL_JSON --type cdk|cloudformation}. */
  @Command(name = "resources", description = "CDK app or CloudFormation templates for the tables of dynamodb_data_model.json.")
  static final class Resources implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "MODEL_JSON", description = "dynamodb_data_model.json")
    Path model;

    @Option(names = "--type", required = true, description = "cdk or cloudformation")
    InfraRequest.Type type;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: cdk/ or cloudformation/ beside the model); an existing one is refused"
        + " unless --overwrite.")
    Path out;

    @Option(names = "--overwrite", description = "Regenerate into an existing folder ddbm generated before: its generated files are replaced, even ones you changed;"
        + " files ddbm did not write are never replaced.")
    boolean overwrite;

    @Option(names = "--destroy-on-delete", description = "Delete the tables with the stack (default: retain them).")
    boolean destroy;

    @Option(names = "--deletion-protection", description = "Turn on DynamoDB deletion protection.")
    boolean protection;

    @Option(names = "--no-pitr", negatable = false, description = "Turn point-in-time recovery off (default: on).")
    boolean noPitr;

    @Option(names = "--stack-name", defaultValue = "DynamoDbDataModelStack", description = "Stack name (default: ${DEFAULT-VALUE}).")
    String stackName;

    @Mixin OutputOptions output;

    @Override
    public Integer call() {
      PrintWriter o = spec.commandLine().getOut();
      Style style = new Style(spec.commandLine().getColorScheme().ansi());
      Validated<InfraResult> r = InfraGenerator.generate(new InfraRequest(model.toAbsolutePath(), type, Optional.ofNullable(out).map(Path::toAbsolutePath),
          overwrite, !destroy, protection, !noPitr, stackName));
      if (!r.isValid()) {
        return Diagnostics.fail(spec, r.diagnostics(), output.json());
      }
      InfraResult res = r.unwrap();
      if (output.json()) {
        o.print(Json.pretty(Map.of("output_dir", res.outputDir().toString(), "files", res.files(), "tables", res.tables())));
      } else {
        o.println(style.ok("Generated " + res.files().size() + " files in " + res.outputDir()) + " for tables " + String.join(", ", res.tables()));
        res.files().forEach(f -> o.println("  " + f));
      }
      return ExitCodes.OK;
    }
  }
}
