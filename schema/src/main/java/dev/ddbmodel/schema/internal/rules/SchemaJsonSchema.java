package dev.ddbmodel.schema.internal.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of the {@code schema.json} format, shipped as a classpath
 * resource so editors can complete and check schema files.
 *
 * <p>It describes structure only: types, required keys and the closed value sets (field and
 * parameter types, operations, return types, range conditions, projections, filter operators and
 * functions, transaction actions). Every document {@link SchemaLoader} accepts also satisfies it;
 * references between names (entities, GSIs, template placeholders, pattern id uniqueness) are left
 * to {@link SchemaLoader}. Unknown keys are allowed because the loader ignores them.
 */
public final class SchemaJsonSchema {
  /** Classpath location of the JSON Schema. */
  public static final String RESOURCE = "dev/ddbmodel/schema/schema.json.schema.json";

  /** The schema's {@code $id}. */
  public static final String ID = "https://ddbmodel.dev/schemas/schema.json.schema.json";

  private SchemaJsonSchema() {}

  /**
   * The JSON Schema text, read from the classpath as UTF-8.
   *
   * @throws IllegalStateException when the resource is missing from the classpath
   * @throws UncheckedIOException when it cannot be read
   */
  public static String text() {
    try (InputStream in = SchemaJsonSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
