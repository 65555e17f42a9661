package dev.ddbmodel.codegen.internal.typescript;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which names the generated code uses decides its imports (tsc rejects unused and missing ones). */
class TsImportsTest {
  @Test
  void namesOutsideCommentsStringsAndPropertyAccess() {
    String code = """
        /** Uses Commented in a doc comment. */
        const a: Item = { ...Spread, key: "Quoted \\"Escaped\\"" };
        // LineComment at the start of a line
        obj.Property = fill(x) + 1abc; /* Block */ Page<Row>
        """;
    assertThat(TsWriter.names(code)).contains("Item", "Spread", "obj", "fill", "x", "Page", "Row", "const", "key")
        .doesNotContain("Commented", "Quoted", "Escaped", "LineComment", "Property", "Block", "abc", "1abc");
    assertThat(TsWriter.imports(code, "./runtime", List.of("Page", "Item", "Expr", "Property")))
        .isEqualTo("import { Page, Item } from \"./runtime\";\n");
    assertThat(TsWriter.imports(code, "./runtime", List.of("Expr"))).isEmpty();
  }

  @Test
  void templateLiteralTextIsNoCodeButItsExpressionsAre() {
    String code = """
        throw new ConditionFailedError(`Item ${key(values, { a: "}" })} does not meet the condition of the update \\` ${nested(`x ${Inner} y`)}`);
        """;
    assertThat(TsWriter.names(code)).contains("ConditionFailedError", "key", "values", "a", "nested", "Inner")
        .doesNotContain("condition", "meet", "update", "Item", "x", "y");
  }
}
