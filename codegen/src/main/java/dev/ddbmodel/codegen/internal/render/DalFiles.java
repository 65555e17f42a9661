package dev.ddbmodel.codegen.internal.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.codegen.internal.python.PythonDalGenerator;
import dev.ddbmodel.schema.Schema;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The rendered data access layer of a validated schema, file name to content (nothing written). */
public final class DalFiles {
  private DalFiles() {}

  /** The generated files without writing them; {@code usage} is the parsed usage data, when there is one. */
  public static Map<String, String> files(Schema schema, String source, DalRequest.Language language, Optional<JsonNode> usage, boolean examples) {
    Map<String, String> files = new TreeMap<>(render(schema, source, language, usage, examples));
    String written = files.get("access_pattern_mapping.json");
    if (written != null) {
      var plan = dev.ddbmodel.codegen.internal.plan.Planner.plan(schema, source);
      var entries = dev.ddbmodel.codegen.internal.plan.MappingDocument.entries(dev.ddbmodel.core.json.Json.parseTrusted(written));
      files.put("access_pattern_mapping.json",
          dev.ddbmodel.core.json.Json.pretty(dev.ddbmodel.codegen.internal.plan.MappingDocument.build(plan, language.name().toLowerCase(java.util.Locale.ROOT), entries)));
    }
    return files;
  }

  private static Map<String, String> render(Schema schema, String source, DalRequest.Language language, Optional<JsonNode> usage, boolean examples) {
    return switch (language) {
      case PYTHON -> new PythonDalGenerator(schema, source, usage, examples).generate();
      case JAVA -> new dev.ddbmodel.codegen.internal.java.JavaDalGenerator(schema, source, usage, examples).generate();
      case TYPESCRIPT -> new dev.ddbmodel.codegen.internal.typescript.TypeScriptDalGenerator(schema, source, usage, examples).generate();
    };
  }
}
