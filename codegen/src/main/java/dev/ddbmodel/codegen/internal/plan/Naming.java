package dev.ddbmodel.codegen.internal.plan;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Names;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What every language's naming policy shares: the class name of an entity (deterministic mangling
 * of any string) and the check that no two schema names meet after a policy mangled them.
 */
public final class Naming {
  private Naming() {}

  /**
   * The class name of an entity: a plain identifier keeps its words in PascalCase (as before);
   * anything else is cleaned to letters and digits, starts with a letter and gets a short hash of
   * the original, so distinct names stay distinct; a name the language's generated code uses
   * itself ({@code reserved}) gets the suffix {@code Entity}.
   */
  public static String typeName(String entity, Set<String> reserved) {
    boolean plain = entity.matches("[A-Za-z][A-Za-z0-9_]*");
    String c;
    if (plain) {
      c = Names.pascalPreserving(entity);
    } else {
      String clean = entity.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^[_0-9]+|_+$", "");
      c = (clean.isEmpty() ? "E" : Names.pascalPreserving(clean)) + "_" + hash(entity);
    }
    if (c.isEmpty() || !Character.isLetter(c.charAt(0))) {
      c = "E" + c;
    }
    return reserved.contains(c) || reserved.contains(c + "Repository") ? c + "Entity" : c;
  }

  /**
   * The lower-camel member name (field, parameter, method) of a schema name for the C-like
   * targets: a plain identifier keeps its words; anything else is cleaned to letters, digits and
   * underscores, starts with a letter and gets a short hash of the original; a name {@code taken}
   * by the language or the generated code gets the suffix {@code Value}.
   */
  public static String camelMember(String name, java.util.function.Predicate<String> taken) {
    boolean plain = name.matches("[A-Za-z][A-Za-z0-9_]*");
    String clean = name.replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("^_+|_+$", "");
    String c = clean.isEmpty() ? "x" : Names.camel(clean);
    if (c.isEmpty() || !Character.isLetter(c.charAt(0))) {
      c = "x" + c;
    }
    if (!plain) {
      c = c + "_" + hash(name);
    }
    return taken.test(c) ? c + "Value" : c;
  }

  /** A short, stable hash of a name (six hex digits of its SHA-256): the suffix that keeps mangled names apart. */
  public static String hash(String s) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return String.format(Locale.ROOT, "%02x%02x%02x", d[0], d[1], d[2]);
    } catch (java.security.NoSuchAlgorithmException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /**
   * A language's naming policy, as far as a clash check needs it.
   *
   * @param type entity name to the generated type name (or the most clash-prone name derived from it)
   * @param field field name to property name
   * @param method access pattern name to method name
   * @param param parameter name to argument name
   */
  public record Policy(String language, Function<String, String> type, Function<String, String> field, Function<String, String> method,
      Function<String, String> param) {}

  /**
   * {@code Codegen.NameCollision} for every pair of schema names the policy maps to one
   * identifier in the same scope (entities; an entity's fields; an entity's patterns, with the
   * cross-table patterns in the transaction service; a pattern's parameters).
   */
  public static List<Diagnostic> collisions(Schema s, String source, Policy p) {
    List<Diagnostic> out = new ArrayList<>();
    List<String> entities = new ArrayList<>(s.entities().keySet());
    clash(out, source, p, "entity", "type name", entities, p.type(), "/tables");
    for (Schema.Entity e : s.entities().values()) {
      clash(out, source, p, "field of `" + e.name() + "`", "property", e.fields().stream().map(Schema.Field::name).toList(), p.field(), "/tables");
      clash(out, source, p, "access pattern of `" + e.name() + "`", "method", e.accessPatterns().stream().map(Schema.AccessPattern::name).toList(), p.method(), "/tables");
      for (Schema.AccessPattern ap : e.accessPatterns()) {
        clash(out, source, p, "parameter of pattern " + ap.id(), "argument", ap.parameters().stream().map(Schema.Parameter::name).toList(), p.param(), "/tables");
      }
    }
    clash(out, source, p, "cross-table pattern", "method", s.crossTablePatterns().stream().map(Schema.CrossTablePattern::name).toList(), p.method(),
        "/cross_table_access_patterns");
    for (Schema.CrossTablePattern x : s.crossTablePatterns()) {
      clash(out, source, p, "parameter of pattern " + x.id(), "argument", x.parameters().stream().map(Schema.Parameter::name).toList(), p.param(),
          "/cross_table_access_patterns");
    }
    return out;
  }

  private static void clash(List<Diagnostic> out, String source, Policy p, String what, String kind, List<String> names, Function<String, String> f, String at) {
    Map<String, String> seen = new LinkedHashMap<>();
    for (String n : names) {
      String id = f.apply(n);
      String before = seen.putIfAbsent(id, n);
      if (before != null && !before.equals(n)) {
        out.add(Diagnostic.error("Codegen.NameCollision", "the " + what + " names `" + before + "` and `" + n + "` both become the " + p.language() + " " + kind
            + " `" + id + "`", SourceLocation.of(source, at), "rename one of them so they differ in more than case and separators"));
      }
    }
  }
}
