package dev.ddbmodel.validation.internal.view;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.TableSpec;
import dev.ddbmodel.validation.internal.workbench.KeyTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells the entity type of a sample item: by the key templates of {@code schema.json} when the
 * workspace has one (the most specific template that matches wins), else by an entity-type
 * attribute, else by the prefix of the sort key (or partition key) before its first {@code #}.
 */
final class EntityTypes {
  private static final List<String> TYPE_ATTRIBUTES = List.of("entity_type", "entityType", "EntityType", "_type", "__typename", "_et");
  private static final Pattern PREFIX = Pattern.compile("([A-Za-z][A-Za-z_]{0,30})#.*", Pattern.DOTALL);

  private record Entity(String table, String name, String pk, Optional<String> sk) {}

  private final List<Entity> entities = new ArrayList<>();

  EntityTypes(Optional<JsonNode> schema) {
    schema.ifPresent(s -> {
      for (JsonNode t : s.path("tables")) {
        String table = t.path("table_config").path("table_name").asText();
        for (var it = t.path("entities").properties().iterator(); it.hasNext(); ) {
          var e = it.next();
          String pk = e.getValue().path("pk_template").asText("");
          Optional<String> sk = e.getValue().path("sk_template").isTextual() ? Optional.of(e.getValue().path("sk_template").asText()) : Optional.empty();
          entities.add(new Entity(table, e.getKey(), pk, sk));
        }
      }
    });
  }

  /** The entity type of {@code item} in {@code table}. */
  String of(TableSpec table, JsonNode item) {
    Optional<String> pk = KeyTemplates.scalarText(item.get(table.partitionKey()));
    Optional<String> sk = table.sortKey().flatMap(k -> KeyTemplates.scalarText(item.get(k)));
    String best = null;
    int bestFit = -1;
    for (Entity e : entities) {
      // on a table with a sort key, an entity without a sort key template fits none of its items
      if (e.table().equals(table.name()) && (table.sortKey().isEmpty() || e.sk().isPresent())) {
        int fit = KeyTemplates.fit(e.pk(), e.sk(), item, table.partitionKey(), table.sortKey());
        if (fit > bestFit) {
          best = e.name();
          bestFit = fit;
        }
      }
    }
    if (best != null) {
      return best;
    }
    for (String a : TYPE_ATTRIBUTES) {
      JsonNode v = item.path(a).path("S");
      if (v.isTextual() && !v.asText().isBlank() && v.asText().length() <= 40) {
        return v.asText();
      }
    }
    for (Optional<String> key : List.of(sk, pk)) {
      if (key.isPresent()) {
        var m = PREFIX.matcher(key.get());
        if (m.matches()) {
          return m.group(1);
        }
      }
    }
    return table.name();
  }
}
