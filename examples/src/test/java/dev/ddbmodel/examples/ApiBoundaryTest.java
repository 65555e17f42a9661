package dev.ddbmodel.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API boundary (issue #23): what an embedding user can reach from the exported packages
 * must not mention an {@code .internal} type, Jackson or the AWS SDK, except the deliberate
 * exceptions in {@link #ALLOWED} (documented in docs/api.md). Reads the compiled classes of every
 * domain module by reflection, plus the sources for Javadoc and the embedding example's imports.
 */
public class ApiBoundaryTest {

  /** One exported package per domain module, plus core's deliberate support packages. */
  static final Map<String, Class<?>> EXPORTED = Map.of(
      "dev.ddbmodel.core", dev.ddbmodel.core.Diagnostic.class,
      "dev.ddbmodel.core.io", dev.ddbmodel.core.io.Outputs.class,
      "dev.ddbmodel.core.json", dev.ddbmodel.core.json.Json.class,
      "dev.ddbmodel.core.process", dev.ddbmodel.core.process.ExternalProcess.class,
      "dev.ddbmodel.schema", dev.ddbmodel.schema.SchemaValidation.class,
      "dev.ddbmodel.analyzer", dev.ddbmodel.analyzer.SourceDbAnalyzer.class,
      "dev.ddbmodel.validation", dev.ddbmodel.validation.ModelValidation.class,
      "dev.ddbmodel.codegen", dev.ddbmodel.codegen.DalGenerator.class);

  /** Where a signature of {@code type} may name {@code prefix}: "type prefix", each in docs/api.md. */
  static final Set<String> ALLOWED = Set.of(
      // core.json is the deliberate Jackson bridge of the adapters
      "dev.ddbmodel.core.json.Json com.fasterxml.jackson.",
      "dev.ddbmodel.core.json.JsonDocument com.fasterxml.jackson.",
      "dev.ddbmodel.core.json.JsonDocument$Path com.fasterxml.jackson.",
      // AWS credentials can be handed in by an embedding service; the SDK type is the honest shape
      "dev.ddbmodel.analyzer.AnalyzerRequest software.amazon.awssdk.",
      "dev.ddbmodel.analyzer.AnalyzerRequest$Builder software.amazon.awssdk.",
      "dev.ddbmodel.validation.ExtractRequest software.amazon.awssdk.",
      // extract(client, scaling) reads through the caller's own SDK clients (their credentials, retries, endpoint)
      "dev.ddbmodel.validation.ModelExtractor software.amazon.awssdk.",
      // the embedded DynamoDB Local hands out an SDK client: that is what it is for
      "dev.ddbmodel.validation.LocalDynamoDb software.amazon.awssdk.");

  static final List<String> FORBIDDEN = List.of(".internal.", "com.fasterxml.jackson.", "tools.jackson.", "software.amazon.awssdk.");

  @Test
  void noExportedSignatureMentionsAnInternalJacksonOrSdkType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (var e : EXPORTED.entrySet()) {
      for (Class<?> c : classesOf(e.getKey(), e.getValue())) {
        leaks.addAll(leaks(c));
      }
    }
    assertThat(leaks.stream().filter(l -> l.contains(".internal.")).toList())
        .as("exported signatures naming an internal type: never tolerated, there is no list for them").isEmpty();
    List<String> known = knownLeaks();
    assertThat(known.stream().filter(l -> l.contains(".internal.")).toList())
        .as("docs/api.md may not list an internal type as a known leak").isEmpty();
    assertThat(leaks.stream().filter(l -> !known.contains(l)).toList())
        .as("exported signatures naming internal/Jackson/SDK types; fix them (docs/api.md)").isEmpty();
    assertThat(known.stream().filter(l -> !leaks.contains(l)).toList())
        .as("docs/api.md lists a known leak that is gone: delete the line").isEmpty();
  }

  /** The leaks not fixed yet, listed in docs/api.md between the known-leaks fences (shrink only). */
  static List<String> knownLeaks() throws IOException {
    String doc = Files.readString(projectRoot().resolve("docs/api.md"), StandardCharsets.UTF_8);
    int from = doc.indexOf("```known-leaks\n");
    assertThat(from).as("docs/api.md has a known-leaks block").isGreaterThanOrEqualTo(0);
    int to = doc.indexOf("```", from + 3);
    return doc.substring(from + "```known-leaks\n".length(), to).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** What fails without the scanner: a public type exposing JsonNode and an internal type is reported. */
  @Test
  void theScannerSeesALeak() {
    assertThat(leaks(Leaky.class))
        .anySatisfy(l -> assertThat(l).contains("com.fasterxml.jackson.databind.JsonNode"))
        .anySatisfy(l -> assertThat(l).contains("dev.ddbmodel.core.internal.model.DataModelChecks"));
    assertThat(leaks(dev.ddbmodel.core.SourceLocation.class)).isEmpty();
  }

  @Test
  void everyExportedTypeHasJavadoc() throws IOException {
    Path root = projectRoot();
    List<String> missing = new ArrayList<>();
    Pattern decl = Pattern.compile("^public\\s+(?:(?:final|abstract|sealed|non-sealed|static)\\s+)*(?:class|record|interface|enum|@interface)\\s+\\w+", Pattern.MULTILINE);
    for (String pkg : EXPORTED.keySet()) {
      String module = pkg.split("\\.")[2];
      Path dir = root.resolve(module).resolve("src/main/java").resolve(pkg.replace('.', '/'));
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          String src = Files.readString(f, StandardCharsets.UTF_8);
          Matcher m = decl.matcher(src);
          if (m.find()) {
            String before = src.substring(0, m.start()).replaceAll("(?m)^\\s*@\\w+(\\([^)]*\\))?\\s*$", "").stripTrailing();
            if (!before.endsWith("*/") || before.lastIndexOf("/**") < 0) {
              missing.add(pkg + "." + f.getFileName().toString().replace(".java", ""));
            }
          }
        }
      }
    }
    assertThat(missing).as("exported types without Javadoc").isEmpty();
  }

  @Test
  void theEmbeddingExampleUsesOnlyExportedPackages() throws IOException {
    Path src = projectRoot().resolve("examples/embedding/src/main/java");
    Set<String> imports = new TreeSet<>();
    try (Stream<Path> files = Files.walk(src)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = Pattern.compile("^import\\s+(?:static\\s+)?(dev\\.ddbmodel\\.[\\w.]+);", Pattern.MULTILINE)
            .matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          imports.add(m.group(1));
        }
      }
    }
    assertThat(imports).isNotEmpty();
    assertThat(imports).allSatisfy(i -> assertThat(EXPORTED.keySet().stream().anyMatch(p -> i.matches(Pattern.quote(p) + "\\.[A-Z]\\w*(\\.\\w+)*")))
        .as("%s is not in an exported package", i).isTrue());
    assertThat(imports).noneMatch(i -> i.startsWith("dev.ddbmodel.core.json") || i.startsWith("dev.ddbmodel.core.io")
        || i.startsWith("dev.ddbmodel.core.process"));
  }

  // ------------------------------------------------------------------------------------------

  static List<String> leaks(Class<?> c) {
    if (!isApi(c)) {
      return List.of();
    }
    Map<String, Type> uses = new java.util.LinkedHashMap<>();
    if (c.getGenericSuperclass() != null) {
      uses.put("extends", c.getGenericSuperclass());
    }
    for (Type t : c.getGenericInterfaces()) {
      uses.put("implements " + t.getTypeName(), t);
    }
    if (c.isRecord()) {
      for (RecordComponent rc : c.getRecordComponents()) {
        uses.put("component " + rc.getName(), rc.getGenericType());
      }
    }
    for (Field f : c.getDeclaredFields()) {
      if (visible(f.getModifiers()) && !f.isSynthetic()) {
        uses.put("field " + f.getName(), f.getGenericType());
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        uses.put("method " + m.getName() + " returns", m.getGenericReturnType());
        Type[] ps = m.getGenericParameterTypes();
        for (int i = 0; i < ps.length; i++) {
          uses.put("method " + m.getName() + " parameter " + i + " " + ps[i].getTypeName(), ps[i]);
        }
        for (Type x : m.getGenericExceptionTypes()) {
          uses.put("method " + m.getName() + " throws " + x.getTypeName(), x);
        }
      }
    }
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (visible(k.getModifiers()) && !k.isSynthetic()) {
        Type[] ps = k.getGenericParameterTypes();
        for (int i = 0; i < ps.length; i++) {
          uses.put("constructor parameter " + i + " " + ps[i].getTypeName(), ps[i]);
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (var u : uses.entrySet()) {
      Set<String> names = new LinkedHashSet<>();
      names(u.getValue(), names, 0);
      for (String n : names) {
        for (String bad : FORBIDDEN) {
          if (n.contains(bad) && !ALLOWED.contains(c.getName() + " " + bad)) {
            out.add(c.getName() + " " + u.getKey() + ": " + n);
          }
        }
      }
    }
    return out;
  }

  static boolean visible(int mods) {
    return Modifier.isPublic(mods) || Modifier.isProtected(mods);
  }

  /** Public, and every enclosing type public too: reachable by a user. */
  static boolean isApi(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
      if (!Modifier.isPublic(k.getModifiers()) && !(k != c && Modifier.isProtected(k.getModifiers()))) {
        return false;
      }
    }
    return true;
  }

  static void names(Type t, Set<String> out, int depth) {
    if (t == null || depth > 8) {
      return;
    }
    if (t instanceof Class<?> k) {
      while (k.isArray()) {
        k = k.getComponentType();
      }
      out.add(k.getName());
    } else if (t instanceof ParameterizedType p) {
      names(p.getRawType(), out, depth + 1);
      for (Type a : p.getActualTypeArguments()) {
        names(a, out, depth + 1);
      }
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        names(b, out, depth + 1);
      }
      for (Type b : w.getLowerBounds()) {
        names(b, out, depth + 1);
      }
    } else if (t instanceof GenericArrayType g) {
      names(g.getGenericComponentType(), out, depth + 1);
    } else if (t instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        names(b, out, depth + 1);
      }
    }
  }

  /** Every class (top-level and nested) directly in {@code pkg}, from the jar or folder of {@code anchor}. */
  static List<Class<?>> classesOf(String pkg, Class<?> anchor) throws IOException, URISyntaxException, ClassNotFoundException {
    Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(location)) {
      collect(location.resolve(pkg.replace('.', '/')), pkg, names);
    } else {
      try (FileSystem fs = FileSystems.newFileSystem(location)) {
        collect(fs.getPath(pkg.replace('.', '/')), pkg, names);
      }
    }
    List<Class<?>> out = new ArrayList<>();
    for (String n : names) {
      out.add(Class.forName(n, false, anchor.getClassLoader()));
    }
    assertThat(out).as("classes of %s", pkg).isNotEmpty();
    return out;
  }

  private static void collect(Path dir, String pkg, List<String> names) {
    try (Stream<Path> files = Files.list(dir)) {
      files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".class") && !f.equals("package-info.class"))
          .filter(f -> !f.matches(".*\\$\\d+.*\\.class")).sorted()
          .forEach(f -> names.add(pkg + "." + f.substring(0, f.length() - ".class".length())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path projectRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("examples/embedding"))) {
      p = p.getParent();
    }
    assertThat(p).as("project root").isNotNull();
    return p;
  }

  /** A deliberate leak for {@link #theScannerSeesALeak}. */
  public static final class Leaky {
    public com.fasterxml.jackson.databind.JsonNode node() {
      return null;
    }

    public void check(dev.ddbmodel.core.internal.model.DataModelChecks checks) {}
  }
}
