package dev.ddbmodel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Executable;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The text entry points of the exported API take the name a text is reported under before the text
 * ({@code parse(name, text)}, docs/api.md): both are strings, so a call with the two swapped
 * compiles and reports diagnostics under the document's content. Reads parameter names (the build
 * compiles with {@code -parameters}) of every public method and constructor of the exported types.
 */
class TextEntryPointOrderTest {

  @Test
  void theNameComesBeforeItsText() throws Exception {
    List<String> checked = new ArrayList<>();
    List<String> swapped = new ArrayList<>();
    for (var e : ApiBoundaryTest.EXPORTED.entrySet()) {
      for (Class<?> c : ApiBoundaryTest.classesOf(e.getKey(), e.getValue())) {
        if (!ApiBoundaryTest.isApi(c)) {
          continue;
        }
        for (Executable x : Stream.concat(Stream.of(c.getDeclaredMethods()), Stream.of(c.getDeclaredConstructors())).toList()) {
          if (!Modifier.isPublic(x.getModifiers()) || x.isSynthetic()) {
            continue;
          }
          String problem = problem(x.getParameters());
          if (problem != null) {
            swapped.add(c.getName() + "." + x.getName() + ": " + problem);
          } else if (hasNameAndText(x.getParameters())) {
            checked.add(c.getSimpleName() + "." + x.getName());
          }
        }
      }
    }
    // the scan reads parameter names (an empty scan would pass trivially)
    assertThat(checked).contains("CostRequest.parse", "SchemaValidation.validate", "WorkbenchImport.convert", "JsonDocument.parse",
        "SchemaLoader.parse");
    assertThat(swapped).as("text parameters declared before the name they are reported under").isEmpty();
  }

  @Test
  void theCheckSeesASwappedPair() throws Exception {
    assertThat(problem(Samples.class.getDeclaredMethod("swapped", String.class, String.class).getParameters())).isNotNull();
    assertThat(problem(Samples.class.getDeclaredMethod("ordered", String.class, String.class).getParameters())).isNull();
    assertThat(problem(Samples.class.getDeclaredMethod("pairs", String.class, String.class, String.class, String.class).getParameters()))
        .contains("usageText");
  }

  /** {@code xText} (or {@code text}) must follow {@code xName} (or {@code name}, {@code sourceName}, {@code file}) when both are strings. */
  static String problem(Parameter[] ps) {
    for (int i = 0; i < ps.length; i++) {
      String t = ps[i].getName();
      if (!t.toLowerCase(Locale.ROOT).endsWith("text") || !isText(ps[i])) {
        continue;
      }
      String stem = t.substring(0, t.length() - 4);
      for (int j = i + 1; j < ps.length; j++) {
        String n = ps[j].getName();
        boolean itsName = stem.isEmpty() ? List.of("name", "sourceName", "file").contains(n) : n.equals(stem + "Name");
        if (itsName && ps[j].getType() == String.class) {
          return t + " before " + n;
        }
      }
    }
    return null;
  }

  static boolean isText(Parameter p) {
    return p.getType() == String.class || p.getType() == java.util.Optional.class;
  }

  static boolean hasNameAndText(Parameter[] ps) {
    return Stream.of(ps).anyMatch(p -> p.getName().toLowerCase(Locale.ROOT).endsWith("text"))
        && Stream.of(ps).anyMatch(p -> p.getName().toLowerCase(Locale.ROOT).endsWith("name") || p.getName().equals("file"));
  }

  @SuppressWarnings("unused")
  static final class Samples {
    static void swapped(String text, String name) {}

    static void ordered(String name, String text) {}

    static void pairs(String schemaName, String schemaText, String usageText, String usageName) {}
  }
}
