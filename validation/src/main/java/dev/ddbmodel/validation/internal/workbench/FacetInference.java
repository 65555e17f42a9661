package dev.ddbmodel.validation.internal.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.schema.KeyTemplate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one Workbench facet (or a whole table without facets) into a {@code schema.json} entity:
 * key templates inferred from the sample items' key values, fields from the facet's attributes,
 * GSI mappings for the indexes its items appear in.
 *
 * <p>A key value is split at {@code #}; a segment that is the same in every sample and looks like
 * a tag ({@code USER}, {@code ITEM}, {@code V1}) stays literal, every other segment becomes a
 * placeholder, named after the attribute whose value it repeats ({@code OFR#10001} with
 * {@code OfferId = 10001} gives {@code OFR#{OfferId}}) or after the literal before it
 * ({@code ITEM#7} gives {@code ITEM#{item_id}}). A facet alias that already is a template
 * ({@code USER#{user_id}}, as export writes it) is used as it is.
 */
public final class FacetInference {
  private FacetInference() {}

  private static final Pattern TAG = Pattern.compile("[A-Za-z]{1,12}[0-9]{1,2}");
  private static final Pattern ANGLE = Pattern.compile("<(\\w+)>");

  /** A GSI of the table, as the skeleton needs it. */
  public record Gsi(String name, String partitionKey, Optional<String> sortKey, String keyType, Optional<String> sortKeyType) {}

  /** What the inference knows about the table. */
  public record Table(String name, String partitionKey, String partitionKeyType, Optional<String> sortKey, Optional<String> sortKeyType,
      List<Gsi> gsis, Set<String> indexKeyAttributes, Map<String, String> declaredTypes) {}

  /** One facet: name, aliases, declared attributes and its sample items. */
  public record Facet(String name, Optional<String> partitionKeyAlias, Optional<String> sortKeyAlias, List<String> attributes,
      List<ObjectNode> samples) {}

  /** The entity and what could not be expressed. */
  public record Entity(ObjectNode json, Set<String> fieldNames, List<String> notes) {}

  /** The schema.json entity for {@code facet}. */
  public static Entity entity(Table table, Facet facet) {
    return new Builder(table, facet).build();
  }

  /** Whether {@code alias} is usable as a key template ({@code {word}} or {@code <word>} placeholders). */
  public static Optional<String> aliasTemplate(String alias) {
    String t = ANGLE.matcher(alias).replaceAll("{$1}");
    if (t.indexOf('{') < 0 && t.indexOf('}') < 0) {
      return Optional.empty();
    }
    int depth = 0;
    for (char c : t.toCharArray()) {
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
      if (depth < 0 || depth > 1) {
        return Optional.empty();
      }
    }
    if (depth != 0) {
      return Optional.empty();
    }
    KeyTemplate kt = KeyTemplate.parse(t);
    long braces = t.chars().filter(c -> c == '{').count();
    return kt.fieldNames().isEmpty() || kt.parts().stream().filter(KeyTemplate.Part::isField).count() != braces
        ? Optional.empty() : Optional.of(t);
  }

  static boolean isWord(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c == '_' || c < 128 && Character.isLetterOrDigit(c));
  }

  static String snake(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 128 && Character.isLetterOrDigit(c)) {
        if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(s.charAt(i - 1))) {
          b.append('_');
        }
        b.append(Character.toLowerCase(c));
      } else if (b.length() > 0 && b.charAt(b.length() - 1) != '_') {
        b.append('_');
      }
    }
    String r = b.toString().replaceAll("^_+|_+$", "");
    return r.isEmpty() || Character.isDigit(r.charAt(0)) ? "f_" + r : r;
  }

  /** Builds one entity; keeps the fields in the order they are found. */
  private static final class Builder {
    private final Table table;
    private final Facet facet;
    private final Map<String, ObjectNode> fields = new LinkedHashMap<>();
    private final Set<String> reserved = new HashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<String> attributes = new LinkedHashSet<>();
    /** Per placeholder field made from key segments: its value in each sample item. */
    private final Map<String, IdentityHashMap<ObjectNode, String>> segmentFields = new LinkedHashMap<>();
    /** The samples of the key being inferred, aligned with the values passed to {@link #placeholder}. */
    private List<ObjectNode> current = List.of();

    Builder(Table table, Facet facet) {
      this.table = table;
      this.facet = facet;
      reserved.add(table.partitionKey());
      table.sortKey().ifPresent(reserved::add);
      reserved.addAll(table.indexKeyAttributes());
      attributes.addAll(facet.attributes());
      for (ObjectNode s : facet.samples()) {
        s.fieldNames().forEachRemaining(attributes::add);
      }
      attributes.remove(table.partitionKey());
      table.sortKey().ifPresent(attributes::remove);
    }

    Entity build() {
      ObjectNode e = Json.object();
      e.put("entity_type", entityType(facet.name()));
      e.put("pk_template", template(table.partitionKey(), table.partitionKeyType(), facet.samples(), facet.partitionKeyAlias()));
      if (table.sortKey().isPresent()) {
        e.put("sk_template", template(table.sortKey().get(), table.sortKeyType().orElse("S"), facet.samples(), facet.sortKeyAlias()));
      }
      ArrayNode mappings = Json.array();
      for (Gsi g : table.gsis()) {
        List<ObjectNode> in = facet.samples().stream()
            .filter(s -> s.has(g.partitionKey()) && g.sortKey().map(s::has).orElse(true)).toList();
        boolean declared = facet.samples().isEmpty() && facet.attributes().contains(g.partitionKey());
        if (in.isEmpty() && !declared) {
          continue;
        }
        boolean sparse = in.size() < facet.samples().size();
        ObjectNode m = mappings.addObject().put("name", g.name());
        m.put("pk_template", template(g.partitionKey(), g.keyType(), in, Optional.empty(), sparse));
        g.sortKey().ifPresent(sk -> m.put("sk_template", template(sk, g.sortKeyType().orElse("S"), in, Optional.empty(), sparse)));
      }
      if (!mappings.isEmpty()) {
        e.set("gsi_mappings", mappings);
      }
      for (String a : attributes) {
        if (!fields.containsKey(a) && !table.indexKeyAttributes().contains(a)) {
          addAttributeField(a);
        }
      }
      if (fields.isEmpty()) {
        String name = unique(snake(facet.name()) + "_id");
        fields.put(name, field(name, "string", false));
        notes.add("facet `" + facet.name() + "` has no attributes and constant keys; field `" + name + "` was added because schema.json needs one");
      }
      ArrayNode fs = e.putArray("fields");
      fields.values().forEach(fs::add);
      e.putArray("access_patterns");
      return new Entity(e, Set.copyOf(fields.keySet()), notes);
    }

    private String template(String attr, String keyType, List<ObjectNode> samples, Optional<String> alias) {
      return template(attr, keyType, samples, alias, false);
    }

    /** The template for key attribute {@code attr}; registers the fields its placeholders name. */
    private String template(String attr, String keyType, List<ObjectNode> samples, Optional<String> alias, boolean sparse) {
      Optional<String> given = alias.flatMap(FacetInference::aliasTemplate);
      if (given.isPresent()) {
        List<String> names = KeyTemplate.parse(given.get()).fieldNames();
        Pattern m = KeyTemplates.matcher(given.get());
        for (int i = 0; i < names.size(); i++) {
          String f = names.get(i);
          if (fields.containsKey(f)) {
            continue;
          }
          if (stored(f)) {
            fields.put(f, attributeField(f));
            continue;
          }
          List<String> extracted = new ArrayList<>();
          IdentityHashMap<ObjectNode, String> seen = new IdentityHashMap<>();
          for (ObjectNode s : samples) {
            Optional<String> v = KeyTemplates.scalarText(s.get(attr));
            java.util.regex.Matcher mm = v.isPresent() ? m.matcher(v.get()) : null;
            if (mm != null && mm.matches()) {
              extracted.add(mm.group(i + 1));
              seen.put(s, mm.group(i + 1));
            }
          }
          segmentFields.put(f, seen);
          String declared = table.declaredTypes().getOrDefault(f, keyType);
          fields.put(f, typedField(f, declared.equals("N") ? "N" : keyType, extracted, !sparse));
        }
        return given.get();
      }
      List<String> values = new ArrayList<>();
      List<ObjectNode> with = new ArrayList<>();
      for (ObjectNode s : samples) {
        KeyTemplates.scalarText(s.get(attr)).ifPresent(v -> {
          values.add(v);
          with.add(s);
        });
      }
      current = with;
      if (values.isEmpty()) {
        String name = alias.filter(x -> isWord(x) && !x.equals(attr) && !reserved.contains(x) && !fields.containsKey(x)).orElse(null);
        if (name != null) {
          fields.put(name, typedField(name, keyType, values, !sparse));
          return "{" + name + "}";
        }
        return placeholder(null, attr, null, keyType, values, !sparse, true);
      }
      if (!keyType.equals("S")) {
        return placeholder(matchField(attr, values, samples), attr, null, keyType, values, !sparse, true);
      }
      List<List<String>> segs = values.stream().map(v -> List.of(v.split("#", -1))).toList();
      int n = segs.get(0).size();
      StringBuilder t = new StringBuilder();
      if (segs.stream().allMatch(x -> x.size() == n)) {
        boolean lastLiteral = false;
        for (int k = 0; k < n; k++) {
          int pos = k;
          List<String> col = segs.stream().map(x -> x.get(pos)).toList();
          if (k > 0) {
            t.append('#');
          }
          if (col.stream().allMatch(col.get(0)::equals) && literalLike(col.get(0))) {
            t.append(col.get(0));
            lastLiteral = true;
            continue;
          }
          String before = k > 0 && lastLiteral ? segs.get(0).get(k - 1) : null;
          t.append(placeholder(matchField(attr, col, samples), attr, before, "S", col, !sparse, n == 1));
          lastLiteral = false;
        }
        return t.toString();
      }
      // segment counts differ: keep the common literal prefix, the rest of the value is one placeholder
      int min = segs.stream().mapToInt(List::size).min().orElse(1);
      int k = 0;
      while (k < min - 1) {
        int pos = k;
        List<String> col = segs.stream().map(x -> x.get(pos)).toList();
        if (!col.stream().allMatch(col.get(0)::equals) || !literalLike(col.get(0))) {
          break;
        }
        t.append(col.get(0)).append('#');
        k++;
      }
      int from = k;
      List<String> rest = segs.stream().map(x -> String.join("#", x.subList(from, x.size()))).toList();
      String before = from > 0 ? segs.get(0).get(from - 1) : null;
      t.append(placeholder(matchField(attr, rest, samples), attr, before, "S", rest, !sparse, from == 0));
      return t.toString();
    }

    /**
     * A placeholder {@code {name}}, registering its field: the matching attribute, the key attribute
     * itself when the whole value is the placeholder, {@code <literal>_id} after a literal, or
     * {@code <facet>_<attribute>}.
     */
    private String placeholder(String match, String attr, String literalBefore, String keyType, List<String> values,
        boolean required, boolean whole) {
      String name;
      ObjectNode field;
      if (match != null) {
        name = match;
        field = fields.containsKey(name) ? null : attributeField(name);
      } else if (whole && isWord(attr)) {
        name = attr;
        field = fields.containsKey(name) ? null : attributes.contains(attr) ? attributeField(attr) : typedField(attr, keyType, values, required);
      } else {
        name = unique(literalBefore != null ? snake(literalBefore) + "_id" : snake(facet.name()) + "_" + snake(attr));
        field = typedField(name, keyType, values, required);
        IdentityHashMap<ObjectNode, String> seen = new IdentityHashMap<>();
        for (int i = 0; i < current.size() && i < values.size(); i++) {
          seen.put(current.get(i), values.get(i));
        }
        segmentFields.put(name, seen);
      }
      if (field != null) {
        fields.put(name, field);
      }
      return "{" + name + "}";
    }

    /** An attribute of the facet (not a key) whose value equals the segment in every sample that has the key. */
    private String matchField(String keyAttr, List<String> segmentValues, List<ObjectNode> samples) {
      List<ObjectNode> with = samples.stream().filter(s -> KeyTemplates.scalarText(s.get(keyAttr)).isPresent()).toList();
      for (String a : attributes) {
        if (a.equals(keyAttr) || !isWord(a) || a.equals(table.partitionKey()) || table.sortKey().filter(a::equals).isPresent()) {
          continue;
        }
        boolean all = !with.isEmpty();
        for (int i = 0; i < with.size() && all; i++) {
          Optional<String> v = KeyTemplates.scalarText(with.get(i).get(a));
          all = v.isPresent() && sameValue(v.get(), segmentValues.get(i));
        }
        if (all) {
          return a;
        }
      }
      for (Map.Entry<String, IdentityHashMap<ObjectNode, String>> e : segmentFields.entrySet()) {
        boolean all = !with.isEmpty();
        for (int i = 0; i < with.size() && all; i++) {
          all = segmentValues.get(i).equals(e.getValue().get(with.get(i)));
        }
        if (all) {
          return e.getKey();
        }
      }
      return null;
    }

    private static boolean sameValue(String attributeValue, String segment) {
      if (attributeValue.equals(segment)) {
        return true;
      }
      try {
        return new BigDecimal(attributeValue).compareTo(new BigDecimal(segment)) == 0 && segment.matches("-?[0-9.]+");
      } catch (NumberFormatException e) {
        return false;
      }
    }

    private static boolean literalLike(String seg) {
      return seg.indexOf('{') < 0 && seg.indexOf('}') < 0
          && (seg.chars().noneMatch(Character::isDigit) || TAG.matcher(seg).matches());
    }

    /** Whether some sample item stores attribute {@code a}. */
    private boolean stored(String a) {
      return facet.samples().stream().anyMatch(x -> x.has(a));
    }

    /**
     * {@code base}, or {@code base_2}, ... when that name is taken. A name the facet declares but
     * no sample stores is free: it is the field a key placeholder was made from (as export writes).
     */
    private String unique(String base) {
      if (!fields.containsKey(base) && !reserved.contains(base) && attributes.contains(base) && !stored(base)) {
        return base;
      }
      String n = base;
      for (int i = 2; fields.containsKey(n) || reserved.contains(n) || attributes.contains(n); i++) {
        n = base + "_" + i;
      }
      return n;
    }

    private List<String> values(String attr, List<ObjectNode> samples) {
      List<String> out = new ArrayList<>();
      for (ObjectNode s : samples) {
        KeyTemplates.scalarText(s.get(attr)).ifPresent(out::add);
      }
      return out;
    }

    private void addAttributeField(String a) {
      fields.put(a, attributeField(a));
    }

    /** A field for a stored attribute: its Workbench type (or the samples' type), required when every sample has it. */
    private ObjectNode attributeField(String a) {
      String type = table.declaredTypes().get(a);
      JsonNode first = null;
      int present = 0;
      for (ObjectNode s : facet.samples()) {
        JsonNode v = s.get(a);
        if (v != null && v.isObject() && v.size() == 1) {
          present++;
          if (first == null) {
            first = v;
          }
        }
      }
      if (type == null && first != null) {
        type = first.fieldNames().next();
      }
      boolean required = !facet.samples().isEmpty() && present == facet.samples().size();
      ObjectNode f = Json.object().put("name", a);
      switch (type == null ? "S" : type) {
        case "N" -> f.put("type", integral(values(a, facet.samples())) ? "integer" : "decimal");
        case "BOOL" -> f.put("type", "boolean");
        case "M" -> f.put("type", "object");
        case "L" -> f.put("type", "array").put("item_type", listItemType(first));
        case "SS" -> f.put("type", "array").put("item_type", "string");
        case "NS" -> f.put("type", "array").put("item_type", "decimal");
        case "BS" -> {
          f.put("type", "array").put("item_type", "string");
          notes.add("attribute `" + a + "` of facet `" + facet.name() + "` is a binary set (BS); schema.json has no binary type, so the field is an array of strings (base64)");
        }
        case "B" -> {
          f.put("type", "string");
          notes.add("attribute `" + a + "` of facet `" + facet.name() + "` is binary (B); schema.json has no binary type, so the field is a string (base64)");
        }
        case "NULL" -> {
          f.put("type", "string");
          notes.add("attribute `" + a + "` of facet `" + facet.name() + "` is declared NULL; schema.json has no null type, so the field is an optional string");
          required = false;
        }
        default -> f.put("type", "string");
      }
      f.put("required", required);
      return f;
    }

    private static String listItemType(JsonNode first) {
      JsonNode l = first == null ? null : first.get("L");
      if (l == null || !l.isArray() || l.isEmpty() || !l.get(0).isObject() || l.get(0).isEmpty()) {
        return "string";
      }
      return switch (l.get(0).fieldNames().next()) {
        case "N" -> "decimal";
        case "BOOL" -> "boolean";
        case "M" -> "object";
        case "L", "SS", "NS", "BS" -> "array";
        default -> "string";
      };
    }

    private static ObjectNode field(String name, String type, boolean required) {
      return Json.object().put("name", name).put("type", type).put("required", required);
    }

    private static ObjectNode typedField(String name, String keyType, List<String> values, boolean required) {
      String type = keyType.equals("N") ? (integral(values) ? "integer" : "decimal") : "string";
      return field(name, type, required);
    }

    private static boolean integral(List<String> values) {
      if (values.isEmpty()) {
        return false;
      }
      for (String v : values) {
        try {
          if (new BigDecimal(v).stripTrailingZeros().scale() > 0) {
            return false;
          }
        } catch (NumberFormatException e) {
          return false;
        }
      }
      return true;
    }

    /** {@code orderItem} becomes {@code ORDER_ITEM}. */
    private static String entityType(String facetName) {
      return snake(facetName).toUpperCase(Locale.ROOT);
    }
  }
}
