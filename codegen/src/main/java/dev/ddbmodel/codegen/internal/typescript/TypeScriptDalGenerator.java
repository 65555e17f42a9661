package dev.ddbmodel.codegen.internal.typescript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.schema.Schema;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** TypeScript data access layer generator (interfaces + AWS SDK for JavaScript v3 DocumentClient). */
public final class TypeScriptDalGenerator {
  /** The naming policy of this language, for the clash check. */
  public static dev.ddbmodel.codegen.internal.plan.Naming.Policy naming() {
    return new dev.ddbmodel.codegen.internal.plan.Naming.Policy("TypeScript", TsWriter::constName, java.util.function.Function.identity(), TsWriter::var, TsWriter::var);
  }

  private final Schema schema;
  private final String source;
  private final Optional<JsonNode> usage;
  private final boolean examples;

  public TypeScriptDalGenerator(Schema schema, String source, Optional<JsonNode> usage, boolean examples) {
    this.schema = schema;
    this.source = source;
    this.usage = usage;
    this.examples = examples;
  }

  /** Relative path to file content (an npm project: package.json, tsconfig.json, src/*.ts, usage_examples.ts). */
  public Map<String, String> generate() {
    return new TreeMap<>(new TsWriter(schema, source, usage, examples).files());
  }
}
