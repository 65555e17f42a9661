package dev.ddbmodel.codegen.bench;

import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.schema.SchemaLoader;
import dev.ddbmodel.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Code generation time per entity (Python and Java) over the bundled examples, mean of repeated runs. */
public final class CodegenBench {
  private CodegenBench() {}

  public static void main(String[] args) throws Exception {
    Path models = Path.of(args.length > 0 ? args[0] : "examples/models");
    java.util.List<Schema> schemas = new java.util.ArrayList<>();
    try (var s = Files.list(models)) {
      for (Path d : s.sorted().toList()) {
        schemas.add(SchemaLoader.load(d.resolve("schema.json")).unwrap());
      }
    }
    int entities = schemas.stream().mapToInt(x -> x.entities().size()).sum();
    System.out.printf(Locale.ROOT, "Code generation over %d schemas, %d entities, mean of 50 runs%n", schemas.size(), entities);
    for (DalRequest.Language lang : DalRequest.Language.values()) {
      for (int i = 0; i < 20; i++) {
        schemas.forEach(s -> dev.ddbmodel.codegen.internal.render.DalFiles.files(s, "schema.json", lang, Optional.empty(), true));
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < 50; i++) {
        schemas.forEach(s -> dev.ddbmodel.codegen.internal.render.DalFiles.files(s, "schema.json", lang, Optional.empty(), true));
      }
      double perEntity = (System.nanoTime() - t0) / 1e6 / 50 / entities;
      System.out.printf(Locale.ROOT, "  %-6s %6.3f ms per entity%n", lang.name().toLowerCase(Locale.ROOT), perEntity);
    }
  }
}
