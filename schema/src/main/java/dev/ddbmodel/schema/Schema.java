package dev.ddbmodel.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated {@code schema.json}: tables with entities, fields, key templates, GSIs and access
 * patterns, plus cross-table transaction patterns. JSON order is preserved everywhere.
 */
public record Schema(List<TableDef> tables, List<CrossTablePattern> crossTablePatterns) {
  public Schema {
    tables = List.copyOf(tables);
    crossTablePatterns = List.copyOf(crossTablePatterns);
  }

  /** Every entity by name, in table then JSON order. */
  public Map<String, Entity> entities() {
    Map<String, Entity> m = new LinkedHashMap<>();
    tables.forEach(t -> m.putAll(t.entities()));
    return m;
  }

  public Optional<TableDef> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The table that holds an entity. */
  public TableDef tableOf(String entity) {
    return tables.stream().filter(t -> t.entities().containsKey(entity)).findFirst().orElseThrow();
  }

  /** Table definition: config, GSIs and entities. */
  public record TableDef(String name, String partitionKey, Optional<String> sortKey, List<GsiDef> gsis, Map<String, Entity> entities) {
    public TableDef {
      gsis = List.copyOf(gsis);
      entities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entities));
    }

    public Optional<GsiDef> gsi(String gsiName) {
      return gsis.stream().filter(g -> g.name().equals(gsiName)).findFirst();
    }
  }

  /** A GSI; partition and sort keys are lists (one element unless multi-attribute). */
  public record GsiDef(String name, List<String> partitionKey, List<String> sortKey, String projection, List<String> includedAttributes) {
    public GsiDef {
      partitionKey = List.copyOf(partitionKey);
      sortKey = List.copyOf(sortKey);
      includedAttributes = List.copyOf(includedAttributes);
    }
  }

  /** An entity stored in a table. */
  public record Entity(String name, String entityType, KeyTemplate pkTemplate, Optional<KeyTemplate> skTemplate, List<Field> fields,
      List<GsiMapping> gsiMappings, List<AccessPattern> accessPatterns) {
    public Entity {
      fields = List.copyOf(fields);
      gsiMappings = List.copyOf(gsiMappings);
      accessPatterns = List.copyOf(accessPatterns);
    }

    public Optional<Field> field(String fieldName) {
      return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst();
    }

    public Optional<GsiMapping> mapping(String gsi) {
      return gsiMappings.stream().filter(m -> m.name().equals(gsi)).findFirst();
    }
  }

  /** One field. */
  public record Field(String name, FieldType type, boolean required, Optional<String> itemType) {}

  /** Field and parameter value types. */
  public enum FieldType {
    string, integer, decimal, BOOLEAN_ALIAS, array, object, uuid;

    /** Parses a schema type name ({@code boolean} maps to {@link #BOOLEAN_ALIAS}). */
    public static Optional<FieldType> parse(String s) {
      if (s.equals("boolean")) {
        return Optional.of(BOOLEAN_ALIAS);
      }
      for (FieldType t : values()) {
        if (t != BOOLEAN_ALIAS && t.name().equals(s)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }

    /** The name as written in schema.json. */
    public String schemaName() {
      return this == BOOLEAN_ALIAS ? "boolean" : name();
    }

    public boolean numeric() {
      return this == integer || this == decimal;
    }
  }

  /** A mapping of an entity onto a GSI: one template per key attribute. */
  public record GsiMapping(String name, List<KeyTemplate> pkTemplates, List<KeyTemplate> skTemplates) {
    public GsiMapping {
      pkTemplates = List.copyOf(pkTemplates);
      skTemplates = List.copyOf(skTemplates);
    }
  }

  /**
   * An access pattern of an entity.
   *
   * @param condition write condition of a PutItem, UpdateItem or DeleteItem, in the filter grammar
   * @param update explicit update actions of an UpdateItem (empty: every field-named parameter is set)
   * @param batchAction what a BatchWriteItem does with each element: {@code Put} (default) or {@code Delete}
   * @param collectionEntities the entities a {@code mixed_data} Query returns, as declared
   *     ({@code collection_entities}); empty: inferred ({@link ItemCollection})
   */
  public record AccessPattern(int id, String name, String description, String operation, String returnType, List<Parameter> parameters,
      Optional<String> indexName, Optional<String> rangeCondition, boolean consistentRead, Optional<FilterExpression> filter,
      // issue 26, writes: conditional writes, update actions, batch delete
      Optional<FilterExpression> condition, Optional<UpdateActions> update, String batchAction,
      // issue 26, item collections: the typed union of a mixed_data Query
      List<String> collectionEntities) {
    public AccessPattern {
      parameters = List.copyOf(parameters);
      collectionEntities = List.copyOf(collectionEntities);
    }

    /** A pattern with write constructs and no declared collection entities. */
    public AccessPattern(int id, String name, String description, String operation, String returnType, List<Parameter> parameters,
        Optional<String> indexName, Optional<String> rangeCondition, boolean consistentRead, Optional<FilterExpression> filter,
        Optional<FilterExpression> condition, Optional<UpdateActions> update, String batchAction) {
      this(id, name, description, operation, returnType, parameters, indexName, rangeCondition, consistentRead, filter, condition, update, batchAction, List.of());
    }

    /** True for a Query of an item collection ({@code mixed_data}): it returns every entity of the collection, typed. */
    public boolean collectionQuery() {
      return operation.equals("Query") && returnType.equals("mixed_data");
    }

    /** A pattern without write conditions, update actions or batch action (a BatchWriteItem puts). */
    public AccessPattern(int id, String name, String description, String operation, String returnType, List<Parameter> parameters,
        Optional<String> indexName, Optional<String> rangeCondition, boolean consistentRead, Optional<FilterExpression> filter) {
      this(id, name, description, operation, returnType, parameters, indexName, rangeCondition, consistentRead, filter, Optional.empty(), Optional.empty(), "Put");
    }

    /** True for a BatchWriteItem that deletes the given keys. */
    public boolean batchDelete() {
      return batchAction.equals("Delete");
    }
  }

  /**
   * Explicit update actions of an UpdateItem.
   *
   * @param set {@code SET} assignments
   * @param remove attributes removed
   * @param add {@code ADD} of a number (a counter)
   * @param upsert the item may not exist: the update creates it (no {@code attribute_exists} condition)
   */
  public record UpdateActions(List<SetAction> set, List<String> remove, List<AddAction> add, boolean upsert) {
    public UpdateActions {
      set = List.copyOf(set);
      remove = List.copyOf(remove);
      add = List.copyOf(add);
    }
  }

  /**
   * One SET: {@code field = :value} ({@code operator} "="), or arithmetic {@code field = field + :value}
   * / {@code field - :value} ("+" / "-"; an absent attribute counts as 0); with {@code ifNotExists},
   * {@code field = if_not_exists(field, :value)} (an existing value is kept).
   */
  public record SetAction(String field, String operator, Operand value, boolean ifNotExists) {
    /** {@code field = :param} or arithmetic with a parameter, as before operands. */
    public SetAction(String field, String operator, String param) {
      this(field, operator, new Operand.Param(param), false);
    }

    /** The parameter the value comes from, if it is one. */
    public Optional<String> param() {
      return value.paramName();
    }
  }

  /** One ADD: {@code ADD field :value} (a number, from a parameter or a constant; an absent attribute counts as 0). */
  public record AddAction(String field, Operand value) {
    public AddAction(String field, String param) {
      this(field, new Operand.Param(param));
    }

    /** The parameter the value comes from, if it is one. */
    public Optional<String> param() {
      return value.paramName();
    }
  }

  /**
   * Where one value of a condition term or of an update action comes from: a declared parameter
   * ({@code "param": "name"}), a constant ({@code {"literal": x}}) or another attribute of the same
   * item ({@code {"attribute": "field"}}). Constants are bound as expression attribute values, never
   * written into the expression text.
   */
  public sealed interface Operand {
    /** The parameter's name, when the operand is one. */
    default Optional<String> paramName() {
      return this instanceof Param p ? Optional.of(p.name()) : Optional.empty();
    }

    /** A declared parameter. */
    record Param(String name) implements Operand {}

    /** A constant: the JSON text of a string, number or boolean. */
    record Literal(String json) implements Operand {}

    /** Another attribute (an entity field) of the same item. */
    record Attribute(String field) implements Operand {}
  }

  /** A method parameter. */
  public record Parameter(String name, String type, Optional<String> entityType) {}

  /** Filter expression of a Query or Scan. */
  public record FilterExpression(List<FilterCondition> conditions, String logicalOperator) {
    public FilterExpression {
      conditions = List.copyOf(conditions);
    }
  }

  /**
   * One filter condition.
   *
   * @param first the value of {@code param}, if any
   * @param second the value of {@code param2}, if any
   * @param list the values of {@code params}
   */
  public record FilterCondition(String field, Optional<String> operator, Optional<String> function, Optional<Operand> first,
      Optional<Operand> second, List<Operand> list) {
    public FilterCondition {
      list = List.copyOf(list);
    }

    /** The parameter of {@code param}, if it names one. */
    public Optional<String> param() {
      return first.flatMap(Operand::paramName);
    }

    /** The parameter of {@code param2}, if it names one. */
    public Optional<String> param2() {
      return second.flatMap(Operand::paramName);
    }

    /** The parameters {@code params} names (constants and attributes left out). */
    public List<String> params() {
      return list.stream().flatMap(o -> o.paramName().stream()).toList();
    }

    /** Every operand in order: {@code param}, {@code param2}, then {@code params}. */
    public List<Operand> operands() {
      List<Operand> out = new java.util.ArrayList<>();
      first.ifPresent(out::add);
      second.ifPresent(out::add);
      out.addAll(list);
      return out;
    }
  }

  /** An atomic multi-table pattern. */
  public record CrossTablePattern(int id, String name, String description, String operation, List<Involvement> entitiesInvolved,
      List<Parameter> parameters, String returnType) {
    public CrossTablePattern {
      entitiesInvolved = List.copyOf(entitiesInvolved);
      parameters = List.copyOf(parameters);
    }
  }

  /**
   * One entity's part in a cross-table pattern (one action of the transaction).
   *
   * @param condition the free-text condition (ConditionExpression syntax), if any
   * @param forEach the list parameter this action is repeated over (one action per element), if any
   * @param key explicit bindings of the entity's key fields (field name to value source)
   * @param values explicit bindings of {@code :placeholders} of the condition and update
   * @param names explicit bindings of {@code #placeholders} (placeholder to attribute name)
   * @param update the free-text UpdateExpression of an {@code Update} action, if any
   * @param conditionForm the condition in the object form of single-item writes (the filter
   *     grammar), if written so; {@link Expressions#condition} gives its text
   * @param updateForm the update in the object form of single-item writes ({@code set}, {@code add},
   *     {@code remove}, {@code upsert}), if written so; {@link Expressions#update} gives its text
   */
  public record Involvement(String table, String entity, String action, Optional<String> condition, Optional<String> forEach,
      Map<String, ValueRef> key, Map<String, ValueRef> values, Map<String, String> names, Optional<String> update,
      Optional<FilterExpression> conditionForm, Optional<UpdateActions> updateForm) {
    public Involvement {
      key = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(key));
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
      names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    /** The reference form: table, entity, action and an optional free-text condition. */
    public Involvement(String table, String entity, String action, Optional<String> condition) {
      this(table, entity, action, condition, Optional.empty(), Map.of(), Map.of(), Map.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether the action uses any binding construct beyond the reference form (then bindings are checked strictly). */
    public boolean explicit() {
      return forEach.isPresent() || !key.isEmpty() || !values.isEmpty() || !names.isEmpty() || update.isPresent() || conditionForm.isPresent()
          || updateForm.isPresent();
    }
  }

  /**
   * Where a key field or a {@code :placeholder} of a transaction action gets its value.
   */
  public sealed interface ValueRef {
    /** A plain parameter ({@code field} empty), or a field of an entity parameter or of the repeated list's element. */
    record Ref(String param, Optional<String> field) implements ValueRef {
      @Override
      public String toString() {
        return field.map(f -> param + "." + f).orElse(param);
      }
    }

    /**
     * A value the caller passes at every call (the generated method's {@code condition_values}):
     * only for a placeholder nothing binds in an action of the reference form, which the reference
     * leaves to the caller.
     */
    record Supplied(String placeholder) implements ValueRef {
      @Override
      public String toString() {
        return "condition_values[" + placeholder + "]";
      }
    }

    /** A constant: JSON text of a string, number or boolean. */
    record Literal(String json) implements ValueRef {
      @Override
      public String toString() {
        return "{\"literal\": " + json + "}";
      }
    }
  }
}
