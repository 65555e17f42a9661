package dev.ddbmodel.validation;

import dev.ddbmodel.validation.internal.view.CostSection;
import dev.ddbmodel.validation.internal.view.ViewData;
import dev.ddbmodel.validation.internal.view.ViewPage;
import dev.ddbmodel.core.io.Outputs;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.schema.SchemaLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model explorer: one self-contained HTML page per workspace. Per table and per index, the
 * sample items grouped into item collections and ordered as DynamoDB orders them, coloured by
 * entity type; a list of access patterns where selecting one highlights the items it reads and
 * writes and shows its command, last verdict, consumed capacity and monthly cost; warnings where
 * they apply. The page needs no network: styles and script are inline and its Content Security
 * Policy forbids every fetch.
 */
public final class ModelView {
  /** Default page name inside the workspace. */
  public static final String DEFAULT_FILE = "dynamodb_model_view.html";

  /** The markdown file whose cost section is read. */
  public static final String DESIGN_FILE = "dynamodb_data_model.md";

  private ModelView() {}

  /** Renders the workspace and writes the page. */
  public static Validated<ViewResult> run(ViewRequest req) {
    Path ws = req.workspace().toAbsolutePath().normalize();
    Validated<Rendered> r = render(ws);
    if (!r.isValid()) {
      return Validated.invalid(r.diagnostics());
    }
    Path target = req.outFile().map(p -> p.toAbsolutePath().normalize()).orElse(ws.resolve(DEFAULT_FILE));
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(target, r.unwrap().html());
    Validated<List<Path>> written = Outputs.standard().writeOwnedTextFiles(files, req.overwrite(), ModelView::isOurs,
        "choose another file (--out), or pass --overwrite to replace it");
    if (!written.isValid()) {
      return Validated.invalid(written.errors());
    }
    Rendered x = r.unwrap();
    return Validated.valid(new ViewResult(target, x.html(), x.sources(), x.tables(), x.items(), x.patterns(), r.diagnostics()), r.diagnostics());
  }

  /** The page of a workspace (nothing written); its warnings are the model's. */
  public static Validated<Rendered> render(Path workspace) {
    Path ws = workspace.toAbsolutePath().normalize();
    Path modelFile = ws.resolve(DataModelLoader.FILE_NAME);
    if (!Files.isRegularFile(modelFile)) {
      return Validated.invalid(Diagnostic.usage("View.NoModel", "`" + modelFile + "` does not exist", SourceLocation.NONE,
          "pass the folder that holds dynamodb_data_model.json"));
    }
    Validated<DataModel> model = DataModelLoader.load(modelFile);
    if (!model.isValid()) {
      return Validated.invalid(model.diagnostics());
    }
    List<String> sources = new ArrayList<>(List.of(DataModelLoader.FILE_NAME));
    List<Diagnostic> notes = new ArrayList<>(model.diagnostics());
    Optional<JsonNode> schema = optionalJson(ws.resolve(WorkbenchImport.SCHEMA_FILE), notes, true);
    schema.ifPresent(s -> sources.add(WorkbenchImport.SCHEMA_FILE));
    Optional<JsonNode> report = optionalJson(ws.resolve(ModelValidationReport.JSON_FILE), notes, false);
    report.ifPresent(s -> sources.add(ModelValidationReport.JSON_FILE));
    Optional<CostSection> cost = Optional.empty();
    Path md = ws.resolve(DESIGN_FILE);
    if (Files.isRegularFile(md)) {
      try {
        cost = CostSection.read(Files.readString(md, StandardCharsets.UTF_8));
        cost.ifPresent(c -> sources.add(DESIGN_FILE + " (cost report)"));
      } catch (IOException e) {
        notes.add(Diagnostic.warning("View.Unreadable", "cannot read `" + md + "`: " + e.getMessage() + "; costs are not shown",
            SourceLocation.of(DESIGN_FILE, ""), ""));
      }
    }
    String title = ws.getFileName() == null ? "model" : ws.getFileName().toString();
    return Validated.valid(render(model.unwrap(), schema, report, cost, model.diagnostics(), title, sources), notes);
  }

  /** The page's HTML and what it shows. */
  public record Rendered(String html, List<String> sources, int tables, int items, int patterns) {
    public Rendered {
      sources = List.copyOf(sources);
    }
  }

  static Rendered render(DataModel model, Optional<JsonNode> schema, Optional<JsonNode> report, Optional<CostSection> cost,
      List<Diagnostic> modelDiagnostics, String title, List<String> sources) {
    ViewData data = new ViewData(model, schema, report, cost, modelDiagnostics);
    String html = new ViewPage(data, title, sources).render();
    return new Rendered(html, sources, model.tables().size(), data.items.size(), data.patterns.size());
  }

  /** Reads an optional workspace file; a broken one is left out with a warning, never fatal. */
  private static Optional<JsonNode> optionalJson(Path file, List<Diagnostic> notes, boolean schema) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String name = file.getFileName().toString();
    Validated<JsonDocument> doc = JsonDocument.read(file, name);
    if (doc.isValid() && schema) {
      Validated<?> s = SchemaLoader.fromDocument(doc.unwrap());
      if (!s.isValid()) {
        notes.add(Diagnostic.warning("View.Ignored", "`" + name + "` is invalid (" + s.errors().size() + " error(s)); entity types are guessed from the items instead",
            SourceLocation.of(name, ""), "run ddbm schema validate " + name));
        return Optional.empty();
      }
    }
    if (!doc.isValid() || !doc.unwrap().root().isObject()) {
      notes.add(Diagnostic.warning("View.Ignored", "`" + name + "` is not readable JSON and is left out of the page", SourceLocation.of(name, ""),
          schema ? "run ddbm schema validate " + name : "run ddbm model validate again"));
      return Optional.empty();
    }
    return Optional.of(doc.unwrap().root());
  }

  /** Whether the file is a page this class wrote (so the next run may replace it). */
  /** A page ddbm wrote (so it may be replaced): the generator meta tag near the top. */
  private static boolean isOurs(String content) {
    String head = content.substring(0, Math.min(1024, content.length()));
    return head.startsWith("<!DOCTYPE html>") && head.contains("<meta name=\"generator\" content=\"" + ViewPage.GENERATOR + "\">");
  }
}
