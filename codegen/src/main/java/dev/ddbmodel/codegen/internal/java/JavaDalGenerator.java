package dev.ddbmodel.codegen.internal.java;

import dev.ddbmodel.schema.Schema;
import java.util.Map;
import java.util.TreeMap;

/** Java data access layer generator (records + AWS SDK v2). */
public final class JavaDalGenerator {
  /** The naming policy of this language, for the clash check. */
  public static dev.ddbmodel.codegen.internal.plan.Naming.Policy naming() {
    return new dev.ddbmodel.codegen.internal.plan.Naming.Policy("Java", JavaWriter::cls, JavaNames::ident, JavaNames::ident, JavaNames::ident);
  }

  private final Schema schema;
  private final String source;
  private final java.util.Optional<com.fasterxml.jackson.databind.JsonNode> usage;
  private final boolean examples;

  public JavaDalGenerator(Schema schema, String source, java.util.Optional<com.fasterxml.jackson.databind.JsonNode> usage, boolean examples) {
    this.schema = schema;
    this.source = source;
    this.usage = usage;
    this.examples = examples;
  }

  /** Relative path to file content (a Maven project: pom.xml and src/main/java/dal/...). */
  public Map<String, String> generate() {
    return new TreeMap<>(new JavaWriter(schema, source, usage, examples).files());
  }
}
