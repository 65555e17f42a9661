package dev.ddbmodel.adapter.cli;

import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.codegen.GenerationResult;
import dev.ddbmodel.codegen.InfraGenerator;
import dev.ddbmodel.codegen.InfraRequest;
import dev.ddbmodel.codegen.InfraResult;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.CostCalculator;
import dev.ddbmodel.core.CostReport;
import dev.ddbmodel.core.CostReportWriter;
import dev.ddbmodel.core.CostRequest;
import dev.ddbmodel.core.PriceTable;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.core.process.ExternalProcess;
import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationReport;
import dev.ddbmodel.validation.ModelValidationRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ddbm demo}: the whole workflow on a bundled example — validate on embedded DynamoDB Local,
 * cost, generate Python and Java data access layers and a CDK app — in a fresh folder.
 */
@Command(name = "demo", description = "Run the whole workflow on a bundled example in a fresh folder: validate the model on embedded DynamoDB Local, compute its cost, generate Python and Java data access layers and a CDK app.")
final class DemoCommand implements Callable<Integer> {
  static final List<String> EXAMPLES = List.of("ecommerce", "social", "saas-multitenant", "iot-telemetry");
  static final List<String> FILES = List.of("dynamodb_data_model.json", "dynamodb_data_model.md", "schema.json", "usage_data.json", "cost_input.json");

  @Spec CommandSpec spec;

  @Option(names = "--example", defaultValue = "ecommerce", description = "Bundled example: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      completionCandidates = Candidates.class)
  String example;

  @Option(names = "--out", paramLabel = "DIR", description = "A new or empty folder for everything the demo writes (default: a fresh ddbm-demo-<timestamp> in the current folder, git-ignored in this repository).")
  Path out;

  /** Completion candidates for --example. */
  static final class Candidates implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return EXAMPLES.iterator();
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Style s = new Style(spec.commandLine().getColorScheme().ansi());
    if (!EXAMPLES.contains(example)) {
      err.println("ddbm demo: unknown example `" + example + "`; " + dev.ddbmodel.core.Suggestions.hint(example, EXAMPLES));
      return ExitCodes.USAGE;
    }
    // a fresh folder: the default name gets a suffix when it exists; --out must be new or empty. Nothing else is touched.
    dev.ddbmodel.core.io.Outputs outputs = dev.ddbmodel.core.io.Outputs.standard();
    Path dir;
    if (out == null) {
      Validated<Path> fresh = outputs.freshFolder(Path.of(""),
          "ddbm-demo-" + LocalDateTime.now(Clock.systemDefaultZone()).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
      if (!fresh.isValid()) {
        fresh.errors().forEach(d -> err.println("ddbm demo: " + d.format()));
        return Diagnostics.exitCode(fresh.errors());
      }
      dir = fresh.unwrap();
    } else {
      dir = out.toAbsolutePath().normalize();
    }
    java.util.Map<String, byte[]> exampleFiles = new java.util.TreeMap<>();
    for (String f : FILES) {
      try (InputStream in = DemoCommand.class.getResourceAsStream("/dev/ddbmodel/adapter/cli/examples/" + example + "/" + f)) {
        if (in != null) {
          exampleFiles.put(f, in.readAllBytes());
        }
      }
    }
    Validated<Path> usable = outputs.checkFolder(dir, "the demo");
    Validated<dev.ddbmodel.core.io.Outputs.FolderResult> copied = usable.isValid() && isEmptyOrMissing(dir)
        ? outputs.writeFolder(dir.resolve("model"), exampleFiles, false, dev.ddbmodel.core.io.Outputs.Existing.REFUSE, "the demo model")
        : Validated.invalid(usable.isValid()
            ? List.of(dev.ddbmodel.core.Diagnostic.usage("Output.Exists", "`" + dir + "` already exists and is not empty",
                dev.ddbmodel.core.SourceLocation.NONE, "pass a new folder with --out, or leave --out away for a fresh ddbm-demo-<time> folder"))
            : usable.errors());
    if (!copied.isValid()) {
      copied.errors().forEach(d -> err.println("ddbm demo: " + d.format()));
      return Diagnostics.exitCode(copied.errors());
    }
    Path model = copied.unwrap().folder();
    dir = model.getParent();
    boolean ok = true;
    o.println(s.bold("ddbm demo: " + example) + " -> " + dir);

    String step1 = "1/5 validating the model on embedded DynamoDB Local ... ";
    o.print(step1);
    o.flush();
    Validated<ModelValidationReport> v;
    try (StatusLine status = StatusLine.forTerminal(err, step1)) {
      v = ModelValidation.run(ModelValidationRequest.embedded(model), status);
    }
    if (v.isValid()) {
      ModelValidationReport.Summary sum = v.unwrap().summary();
      o.println((v.unwrap().passed() ? s.ok(sum.status()) : s.bad(sum.status())) + String.format(Locale.ROOT, " (%d patterns: %d ok, %d empty, %d failed, %d external)",
          sum.total(), sum.succeeded(), sum.empty(), sum.failed(), sum.skippedExternal()));
      ok &= v.unwrap().passed();
      // say why a passing run still needs attention (design findings, refused conditions)
      v.unwrap().patterns().forEach(p -> p.findings().forEach(d -> o.println("    " + s.warn("pattern " + p.patternId() + ": " + d.id()) + " (see the report)")));
    } else {
      o.println(s.bad("invalid model"));
      v.diagnostics().forEach(d -> o.println("    " + d.format()));
      ok = false;
    }

    o.print("2/5 computing capacity and cost ... ");
    Path costInput = model.resolve("cost_input.json");
    if (Files.exists(costInput)) {
      Validated<CostReport> c = CostRequest.fromJson(JsonDocument.read(costInput, "cost_input.json").unwrap().root(), "cost_input.json")
          .map(r -> r.with(PriceTable.defaultTable(), true, DataModelLoader.load(model.resolve("dynamodb_data_model.json")).findValue()))
          .flatMap(CostCalculator::compute);
      if (c.isValid()) {
        Validated<Path> written = CostReportWriter.write(model.resolve("dynamodb_data_model.md"), c.unwrap().toMarkdown());
        written.errors().forEach(d -> o.println("    " + d.format()));
        ok &= written.isValid();
        o.println(s.ok(String.format(Locale.ROOT, "$%.2f per month", c.unwrap().total())) + " (report in dynamodb_data_model.md)");
      } else {
        o.println(s.bad("failed"));
        c.diagnostics().forEach(d -> o.println("    " + d.format()));
        ok = false;
      }
    } else {
      o.println("skipped (no cost_input.json)");
    }

    for (DalRequest.Language lang : DalRequest.Language.values()) {
      String name = lang.name().toLowerCase(Locale.ROOT);
      o.print((lang == DalRequest.Language.PYTHON ? "3/5" : "4/5") + " generating the " + name + " data access layer ... ");
      Validated<GenerationResult> g = DalGenerator.generate(new DalRequest(model.resolve("schema.json"), lang, Optional.of(dir.resolve(name + "-dal")),
          Optional.of(model.resolve("usage_data.json")), true));
      if (g.isValid()) {
        o.println(s.ok(g.unwrap().patterns() + " patterns") + " in " + g.unwrap().outputDir());
        if (lang == DalRequest.Language.PYTHON) {
          ok &= runPythonExamples(g.unwrap().outputDir(), o, s);
        }
      } else {
        o.println(s.bad("failed"));
        g.diagnostics().forEach(d -> o.println("    " + d.format()));
        ok = false;
      }
    }

    o.print("5/5 generating the CDK app ... ");
    Validated<InfraResult> cdk = InfraGenerator.generate(new InfraRequest(model.resolve("dynamodb_data_model.json"), InfraRequest.Type.CDK,
        Optional.of(dir.resolve("cdk")), false, true, false, true, null));
    if (cdk.isValid()) {
      o.println(s.ok(cdk.unwrap().files().size() + " files") + " in " + cdk.unwrap().outputDir());
    } else {
      o.println(s.bad("failed"));
      cdk.diagnostics().forEach(d -> o.println("    " + d.format()));
      ok = false;
    }
    o.println();
    o.println("Look at:");
    o.println("  " + model.resolve("dynamodb_model_validation.md") + "   validation report");
    o.println("  " + model.resolve("dynamodb_data_model.md") + "   design with the cost report");
    o.println("  " + dir.resolve("python-dal") + "   run: python3 usage_examples.py --endpoint <DynamoDB Local URL>");
    o.println("  " + dir.resolve("java-dal") + "   Maven project (records + AWS SDK v2)");
    o.println("  " + dir.resolve("cdk") + "   npm install && npx cdk synth");
    o.println(ok ? s.ok("Demo completed.") : s.bad("Demo finished with problems (see above)."));
    return ok ? ExitCodes.OK : ExitCodes.INVALID;
  }

  private static boolean isEmptyOrMissing(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return !Files.exists(dir);
    }
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  /** Runs the generated usage examples with python3 against DynamoDB Local on loopback, when python3 has boto3 and pydantic. */
  private static boolean runPythonExamples(Path dal, PrintWriter o, Style s) {
    o.print("    running the generated Python against DynamoDB Local ... ");
    o.flush();
    try {
      var check = ExternalProcess.run(new ProcessBuilder("python3", "-c", "import boto3, pydantic"), java.time.Duration.ofSeconds(60));
      if (!check.succeeded()) {
        o.println("skipped (python3 with boto3 and pydantic not found)");
        return true;
      }
      try (dev.ddbmodel.validation.LocalDynamoDb local = dev.ddbmodel.validation.LocalDynamoDb.server()) {
        var run = ExternalProcess.run(new ProcessBuilder("python3", "usage_examples.py", "--endpoint", local.endpoint().orElseThrow().toString())
            .directory(dal.toFile()), java.time.Duration.ofSeconds(120));
        if (!run.succeeded()) {
          o.println(s.bad("failed"));
          o.println(run.describe());
          return false;
        }
        var summary = dev.ddbmodel.core.json.Json.parseTrusted(run.stdout());
        o.println(s.ok("every pattern ran") + " (" + summary.size() + " calls)");
        return true;
      }
    } catch (IOException e) {
      o.println("skipped (" + e.getMessage() + ")");
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
