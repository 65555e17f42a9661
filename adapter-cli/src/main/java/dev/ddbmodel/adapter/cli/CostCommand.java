package dev.ddbmodel.adapter.cli;

import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.CostCalculator;
import dev.ddbmodel.core.CostReport;
import dev.ddbmodel.core.CostReportWriter;
import dev.ddbmodel.core.CostRequest;
import dev.ddbmodel.core.PriceTable;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddbm cost INPUT_JSON}: capacity and monthly cost. */
@Command(name = "cost", description = {"Estimate capacity units and monthly cost from access patterns and tables.",
    "INPUT_JSON holds access_pattern_list and table_list; every field, with a complete example: `ddbm guide cost-input`."})
final class CostCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "INPUT_JSON", description = "File with access_pattern_list and table_list (see `ddbm guide cost-input`).")
  Path input;

  @Option(names = "--workspace", paramLabel = "DIR", description = "Also write the report into DIR/dynamodb_data_model.md (between markers).")
  Path workspace;

  @Option(names = "--region", defaultValue = "us-east-1", description = "Price table region (default: ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--table-class", defaultValue = "STANDARD", description = "STANDARD or STANDARD_IA (default: ${DEFAULT-VALUE}).")
  String tableClass;

  @Option(names = "--compare-provisioned", description = "Add an on-demand versus provisioned comparison with break-even utilization.")
  boolean provisioned;

  @Option(names = "--model", paramLabel = "MODEL_JSON", description = "dynamodb_data_model.json whose sample items give measured item sizes.")
  Path model;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Style style = new Style(spec.commandLine().getColorScheme().ansi());
    Validated<JsonDocument> doc = JsonDocument.read(input, input.getFileName().toString());
    if (!doc.isValid()) {
      return Diagnostics.fail(spec, doc.diagnostics(), output.json());
    }
    Optional<PriceTable> prices = PriceTable.find(region, tableClass);
    if (prices.isEmpty()) {
      spec.commandLine().getErr().println("ddbm cost: no bundled prices for region `" + region + "` and class `" + tableClass + "`; available: "
          + String.join(", ", PriceTable.all().stream().map(p -> p.region() + "/" + p.tableClass()).toList()));
      return ExitCodes.USAGE;
    }
    Optional<DataModel> dm = Optional.empty();
    if (model != null) {
      Validated<DataModel> m = DataModelLoader.load(model);
      if (!m.isValid()) {
        return Diagnostics.fail(spec, m.diagnostics(), output.json());
      }
      dm = m.findValue();
    }
    JsonDocument d = doc.unwrap();
    Optional<DataModel> dmFinal = dm;
    Validated<CostReport> r = CostRequest.fromJson(d.root(), d.file())
        .map(req -> req.with(prices.get(), provisioned, dmFinal))
        .flatMap(CostCalculator::compute);
    if (!r.isValid()) {
      return Diagnostics.fail(spec, r.diagnostics().stream().map(d::locate).toList(), output.json());
    }
    CostReport report = r.unwrap();
    if (workspace != null) {
      Validated<Path> written = CostReportWriter.write(workspace.toAbsolutePath().resolve("dynamodb_data_model.md"), report.toMarkdown());
      if (!written.isValid()) {
        return Diagnostics.fail(spec, written.diagnostics(), output.json());
      }
    }
    if (output.json()) {
      out.print(Json.pretty(report.toJson()));
    } else {
      out.println(report.toMarkdown());
      out.println();
      out.println(style.bold(report.summaryLine()));
    }
    return ExitCodes.OK;
  }
}
