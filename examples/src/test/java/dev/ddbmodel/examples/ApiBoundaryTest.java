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
 * third-party uses listed, each with its reason, in the {@code api-allowed} block of docs/api.md
 * (an internal type is never allowed). Reads the compiled classes of every
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

  static final List<String> FORBIDDEN = List.of(".internal.", "com.fasterxml.jackson.", "tools.jackson.", "software.amazon.awssdk.");

  @Test
  void noExportedSignatureMentionsAnInternalOrUndocumentedThirdPartyType() throws Exception {
    List<Use> uses = new ArrayList<>();
    for (var e : EXPORTED.entrySet()) {
      for (Class<?> c : classesOf(e.getKey(), e.getValue())) {
        uses.addAll(uses(c));
      }
    }
    List<Allow> allowed = allowList(Files.readString(projectRoot().resolve("docs/api.md"), StandardCharsets.UTF_8));
    assertThat(uses.stream().filter(u -> u.name().contains(".internal.")).map(Use::line).toList())
        .as("exported signatures naming an internal type: never allowed").isEmpty();
    assertThat(uses.stream().filter(u -> allowed.stream().noneMatch(a -> a.covers(u))).map(Use::line).toList())
        .as("exported signatures naming a third-party type that docs/api.md does not allow (with a reason)").isEmpty();
    assertThat(allowed.stream().filter(a -> uses.stream().noneMatch(a::covers)).map(Allow::line).toList())
        .as("docs/api.md allows a use that no exported signature makes any more: delete the entry").isEmpty();
  }

  /** The allow list parses, rejects internal prefixes and reasonless lines, and matches by type, member and prefix. */
  @Test
  void theAllowListIsStrict() {
    String doc = "x\n```api-allowed\n"
        + "dev.ddbmodel.core.CostReport | toJson | com.fasterxml.jackson. | the JSON view\n"
        + "dev.ddbmodel.core.json.Json | * | com.fasterxml.jackson. | the bridge\n```\n";
    List<Allow> a = allowList(doc);
    assertThat(a).hasSize(2);
    Use toJson = new Use("dev.ddbmodel.core.CostReport", "toJson", "method toJson returns", "com.fasterxml.jackson.databind.node.ObjectNode");
    Use other = new Use("dev.ddbmodel.core.CostReport", "fromJson", "method fromJson returns", "com.fasterxml.jackson.databind.node.ObjectNode");
    Use sdk = new Use("dev.ddbmodel.core.CostReport", "toJson", "method toJson returns", "software.amazon.awssdk.Thing");
    assertThat(a.get(0).covers(toJson)).isTrue();
    assertThat(a.get(0).covers(other)).isFalse();
    assertThat(a.get(0).covers(sdk)).isFalse();
    assertThat(a.get(1).covers(new Use("dev.ddbmodel.core.json.Json", "mapper", "method mapper returns", "com.fasterxml.jackson.databind.json.JsonMapper"))).isTrue();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> allowList("```api-allowed\na.B | m | com.fasterxml.jackson. |  \n```\n"))
        .hasMessageContaining("reason");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> allowList("```api-allowed\na.B | m | dev.ddbmodel.core.internal. | why\n```\n"))
        .hasMessageContaining("internal");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> allowList("no block")).hasMessageContaining("api-allowed");
  }

  /** One use of a forbidden type: the exported type, its member ({@code <init>}, {@code <type>} for extends/implements), where, the type named. */
  record Use(String type, String member, String where, String name) {
    String line() {
      return type + " " + where + ": " + name;
    }
  }

  /** One line of the allow list: {@code type | member or * | third-party prefix | reason}. */
  record Allow(String type, String member, String prefix, String reason) {
    boolean covers(Use u) {
      return u.type().equals(type) && (member.equals("*") || u.member().equals(member)) && u.name().startsWith(prefix);
    }

    String line() {
      return type + " | " + member + " | " + prefix;
    }
  }

  /** The {@code api-allowed} block of docs/api.md. */
  static List<Allow> allowList(String doc) {
    String fence = "```api-allowed\n";
    int from = doc.indexOf(fence);
    if (from < 0) {
      throw new IllegalArgumentException("docs/api.md has no api-allowed block");
    }
    int to = doc.indexOf("```", from + fence.length());
    List<Allow> out = new ArrayList<>();
    for (String line : doc.substring(from + fence.length(), to).lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
      String[] f = line.split("\\|", -1);
      if (f.length != 4 || f[3].isBlank()) {
        throw new IllegalArgumentException("allow line needs type | member | prefix | reason: " + line);
      }
      Allow a = new Allow(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip());
      if (a.prefix().contains(".internal") || FORBIDDEN.stream().noneMatch(b -> a.prefix().startsWith(b))) {
        throw new IllegalArgumentException("an internal type cannot be allowed, only a third-party one: " + line);
      }
      out.add(a);
    }
    return out;
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
    return uses(c).stream().map(Use::line).toList();
  }

  /** Every use of an internal, Jackson or SDK type in what a user can reach of {@code c}. */
  static List<Use> uses(Class<?> c) {
    if (!isApi(c)) {
      return List.of();
    }
    Map<String, String> member = new java.util.HashMap<>();
    Map<String, Type> uses = new java.util.LinkedHashMap<>();
    if (c.getGenericSuperclass() != null) {
      uses.put("extends", c.getGenericSuperclass());
      member.put("extends", "<type>");
    }
    for (Type t : c.getGenericInterfaces()) {
      uses.put("implements " + t.getTypeName(), t);
      member.put("implements " + t.getTypeName(), "<type>");
    }
    if (c.isRecord()) {
      for (RecordComponent rc : c.getRecordComponents()) {
        uses.put("component " + rc.getName(), rc.getGenericType());
        member.put("component " + rc.getName(), rc.getName());
      }
    }
    for (Field f : c.getDeclaredFields()) {
      if (visible(f.getModifiers()) && !f.isSynthetic()) {
        uses.put("field " + f.getName(), f.getGenericType());
        member.put("field " + f.getName(), f.getName());
      }
    }
    for (Method m : c.getDeclaredMethods()) {
      if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
        uses.put("method " + m.getName() + " returns", m.getGenericReturnType());
        member.put("method " + m.getName() + " returns", m.getName());
        Type[] ps = m.getGenericParameterTypes();
        for (int i = 0; i < ps.length; i++) {
          uses.put("method " + m.getName() + " parameter " + i + " " + ps[i].getTypeName(), ps[i]);
          member.put("method " + m.getName() + " parameter " + i + " " + ps[i].getTypeName(), m.getName());
        }
        for (Type x : m.getGenericExceptionTypes()) {
          uses.put("method " + m.getName() + " throws " + x.getTypeName(), x);
          member.put("method " + m.getName() + " throws " + x.getTypeName(), m.getName());
        }
      }
    }
    RecordComponent[] components = c.isRecord() ? c.getRecordComponents() : new RecordComponent[0];
    for (Constructor<?> k : c.getDeclaredConstructors()) {
      if (visible(k.getModifiers()) && !k.isSynthetic()) {
        Type[] ps = k.getGenericParameterTypes();
        boolean canonical = components.length == ps.length
            && java.util.stream.IntStream.range(0, ps.length).allMatch(i -> components[i].getGenericType().equals(ps[i]));
        for (int i = 0; i < ps.length; i++) {
          String key = "constructor(" + ps.length + ") parameter " + i + " " + ps[i].getTypeName();
          uses.put(key, ps[i]);
          // the canonical constructor's parameter is the record component: allowing the component allows it
          member.put(key, canonical ? components[i].getName() : "<init>");
        }
      }
    }
    List<Use> out = new ArrayList<>();
    for (var u : uses.entrySet()) {
      Set<String> names = new LinkedHashSet<>();
      names(u.getValue(), names, 0);
      for (String n : names) {
        if (FORBIDDEN.stream().anyMatch(n::contains)) {
          out.add(new Use(c.getName(), member.get(u.getKey()), u.getKey(), n));
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
