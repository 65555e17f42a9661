package example;

import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.codegen.GenerationResult;
import dev.ddbmodel.core.CostCalculator;
import dev.ddbmodel.core.CostReport;
import dev.ddbmodel.core.CostRequest;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.schema.Schema;
import dev.ddbmodel.schema.SchemaLoader;
import dev.ddbmodel.schema.SchemaValidation;
import dev.ddbmodel.schema.SchemaValidationReport;
import dev.ddbmodel.schema.SchemaValidationRequest;
import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationReport;
import dev.ddbmodel.validation.ModelValidationRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * ddbmodel used as a library, the way a build step or a service would: check a model folder
 * (schema.json and dynamodb_data_model.json), run its access patterns on the embedded DynamoDB
 * Local, and generate a Java data access layer when everything is in order.
 *
 * <p>Usage: {@code EmbedDdbModel MODEL_DIR OUTPUT_DIR}; exit status 0 when the model passed.
 * {@code EmbedDdbModel --in-memory MODEL_DIR} does the same from texts held in memory, without
 * DynamoDB Local and without writing: the schema validated from a string, the cost input priced,
 * the data access layer generated as a map of file name to content.
 */
public final class EmbedDdbModel {
  private EmbedDdbModel() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: EmbedDdbModel MODEL_DIR OUTPUT_DIR | --in-memory MODEL_DIR");
      System.exit(2);
    }
    if (args[0].equals("--in-memory")) {
      System.exit(inMemory(Path.of(args[1]).toAbsolutePath().normalize()) ? 0 : 1);
    }
    Path model = Path.of(args[0]).toAbsolutePath().normalize();
    Path out = Path.of(args[1]).toAbsolutePath().normalize();
    System.exit(run(model, out) ? 0 : 1);
  }

  /** The whole check-and-generate step; prints what happened and returns whether it passed. */
  static boolean run(Path model, Path out) throws Exception {
    // 1. schema.json: structure, names, templates, access patterns (+ usage_data.json when present)
    Path usage = model.resolve("usage_data.json");
    Optional<Path> usageData = Files.exists(usage) ? Optional.of(usage) : Optional.empty();
    SchemaValidationReport schema = SchemaValidation.validate(new SchemaValidationRequest(model.resolve("schema.json"), usageData, Optional.of(model)));
    if (!schema.valid()) {
      print("schema.json is invalid", schema.diagnostics());
      return false;
    }
    System.out.println("schema.json: valid");

    // 2. dynamodb_data_model.json: every access pattern on DynamoDB Local inside this JVM; reports not written
    Validated<ModelValidationReport> validated = ModelValidation.run(
        new ModelValidationRequest(model, Optional.empty(), false, false, false, Clock.systemUTC()));
    if (!validated.isValid()) {
      print("dynamodb_data_model.json cannot be validated", validated.errors());
      return false;
    }
    ModelValidationReport report = validated.unwrap();
    ModelValidationReport.Summary s = report.summary();
    System.out.printf(java.util.Locale.ROOT, "access patterns: %d, succeeded %d, empty %d, failed %d, status %s%n",
        s.total(), s.succeeded(), s.empty(), s.failed(), s.status());
    if (!report.passed()) {
      return false;
    }

    // 3. a Java data access layer (records + AWS SDK v2 repositories), written atomically
    Validated<GenerationResult> dal = DalGenerator.generate(
        new DalRequest(model.resolve("schema.json"), DalRequest.Language.JAVA, Optional.of(out), usageData, true));
    if (!dal.isValid()) {
      print("generation failed", dal.errors());
      return false;
    }
    System.out.println("generated " + dal.unwrap().files().size() + " files for " + dal.unwrap().patterns() + " access patterns into " + out);
    return true;
  }

  /** Schema check, cost and generation from texts: what a service does with documents it received, not files. */
  static boolean inMemory(Path model) throws Exception {
    String schemaText = Files.readString(model.resolve("schema.json"), StandardCharsets.UTF_8);
    Path usage = model.resolve("usage_data.json");
    Optional<String> usageText = Files.exists(usage) ? Optional.of(Files.readString(usage, StandardCharsets.UTF_8)) : Optional.empty();
    SchemaValidationReport report = SchemaValidation.validate("schema.json", schemaText, "usage_data.json", usageText);
    if (!report.valid()) {
      print("schema text is invalid", report.diagnostics());
      return false;
    }
    System.out.println("schema text: valid" + (usageText.isPresent() ? " (with usage data)" : ""));

    Path cost = model.resolve("cost_input.json");
    if (Files.exists(cost)) {
      Validated<CostReport> priced = CostRequest.parse("cost_input.json", Files.readString(cost, StandardCharsets.UTF_8))
          .flatMap(CostCalculator::compute);
      if (!priced.isValid()) {
        print("cost input is invalid", priced.errors());
        return false;
      }
      System.out.printf(Locale.ROOT, "monthly cost: %.4f USD for %d access patterns%n", priced.unwrap().total(), priced.unwrap().patterns().size());
    }

    Validated<Schema> schema = SchemaLoader.parse("schema.json", schemaText);
    Validated<Map<String, String>> dal = schema.flatMap(s -> DalGenerator.generate(s, "schema.json", DalRequest.Language.JAVA, false));
    if (!dal.isValid()) {
      print("in-memory generation failed", dal.errors());
      return false;
    }
    long lines = dal.unwrap().values().stream().mapToLong(c -> c.lines().count()).sum();
    System.out.println("generated in memory: " + dal.unwrap().size() + " files, " + lines + " lines");
    return true;
  }

  private static void print(String what, List<Diagnostic> diagnostics) {
    System.out.println(what + ":");
    diagnostics.forEach(d -> System.out.println("  " + d.id() + " at " + d.location().pointer() + ": " + d.message() + " (" + d.hint() + ")"));
  }
}
