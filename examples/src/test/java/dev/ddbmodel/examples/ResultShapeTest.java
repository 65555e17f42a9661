package dev.ddbmodel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.core.Diagnostic;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * One result shape (issue #23): every exported type named {@code *Report} or {@code *Result}
 * reports its problems and warnings as {@code List<Diagnostic> diagnostics()}. Finds the types by
 * reflection over the exported packages, as {@link ApiBoundaryTest} does.
 */
class ResultShapeTest {

  /**
   * Core's support packages (docs/api.md): their {@code Outputs.FolderResult} and
   * {@code ProcessResult} describe a folder write and a process run, not findings; their
   * problems come back as the {@code Validated} around them or as the caller's diagnostics.
   */
  static final java.util.Set<String> SUPPORT = java.util.Set.of("dev.ddbmodel.core.io", "dev.ddbmodel.core.json", "dev.ddbmodel.core.process");

  @Test
  void everyExportedReportAndResultHasDiagnostics() throws Exception {
    List<String> names = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (var e : ApiBoundaryTest.EXPORTED.entrySet()) {
      if (SUPPORT.contains(e.getKey())) {
        continue;
      }
      for (Class<?> c : ApiBoundaryTest.classesOf(e.getKey(), e.getValue())) {
        if (!ApiBoundaryTest.isApi(c) || !isResultType(c)) {
          continue;
        }
        names.add(c.getName());
        if (!hasDiagnostics(c)) {
          missing.add(c.getName());
        }
      }
    }
    // the scan sees the result types of every module (an empty scan would pass trivially)
    assertThat(new TreeSet<>(names)).contains("dev.ddbmodel.core.CostReport", "dev.ddbmodel.analyzer.AnalyzerResult",
        "dev.ddbmodel.codegen.GenerationResult", "dev.ddbmodel.schema.SchemaValidationReport",
        "dev.ddbmodel.validation.ModelValidationReport");
    assertThat(missing).as("exported *Report/*Result types without List<Diagnostic> diagnostics()").isEmpty();
  }

  @Test
  void theCheckSeesAMissingAccessor() {
    assertThat(hasDiagnostics(WithoutDiagnostics.class)).isFalse();
    assertThat(hasDiagnostics(WithStrings.class)).isFalse();
    assertThat(hasDiagnostics(WithDiagnostics.class)).isTrue();
  }

  static boolean isResultType(Class<?> c) {
    String n = c.getSimpleName();
    return !c.isEnum() && !c.isAnnotation() && (n.endsWith("Report") || n.endsWith("Result"));
  }

  /** A public, non-static, no-argument {@code diagnostics()} returning {@code List<Diagnostic>}. */
  static boolean hasDiagnostics(Class<?> c) {
    try {
      Method m = c.getMethod("diagnostics");
      Type t = m.getGenericReturnType();
      return !Modifier.isStatic(m.getModifiers()) && t instanceof ParameterizedType p && p.getRawType() == List.class
          && p.getActualTypeArguments()[0] == Diagnostic.class;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  public record WithoutDiagnostics(List<String> problems) {}

  public record WithStrings(List<String> diagnostics) {}

  public record WithDiagnostics(List<Diagnostic> diagnostics) {}
}
