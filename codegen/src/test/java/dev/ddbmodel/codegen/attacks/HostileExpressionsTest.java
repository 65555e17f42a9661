package dev.ddbmodel.codegen.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.codegen.DalGenerator;
import dev.ddbmodel.codegen.DalRequest;
import dev.ddbmodel.codegen.conformance.ConformanceTest;
import dev.ddbmodel.codegen.conformance.JavaRunner;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.testing.StringAttacks;
import dev.ddbmodel.validation.LocalDynamoDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Issues 17/26: attribute names from the attack catalogue USED by every expression construct of
 * schema.json (write conditions of PutItem/UpdateItem/DeleteItem, update SET/REMOVE/ADD and guarded
 * arithmetic, filters, a range condition and an INCLUDE projection on an index keyed by hostile
 * names, batch puts and deletes, transactions in the object form, with {@code for_each} and
 * {@code key} bindings, and in the string form with {@code names} and {@code values}), with hostile
 * parameter values and key values too. The DAL of each language must compile (Python import, javac
 * -Werror, strict tsc) with no attack text outside an escaped literal, and run on DynamoDB Local:
 * each step's result and the table afterwards are checked (attributes set, removed, incremented,
 * conditions accepted and refused, values stored verbatim).
 */
class HostileExpressionsTest {
  static final ObjectMapper M = new ObjectMapper();
  static LocalDynamoDb local;

  @TempDir Path tmp;

  @BeforeAll
  static void start() {
    local = LocalDynamoDb.server();
  }

  @AfterAll
  static void stop() {
    local.close();
  }

  /**
   * The catalogue strings DynamoDB takes as attribute names (1 to 255 UTF-8 bytes, the limit of
   * index key attributes) that are not the model's own names; the empty string and the 100,000
   * character one are left out (DynamoDB refuses them as names).
   */
  static List<String> names() {
    List<String> out = new ArrayList<>();
    for (StringAttacks.Attack a : StringAttacks.all()) {
      String v = a.value();
      int bytes = v.getBytes(StandardCharsets.UTF_8).length;
      if (bytes >= 1 && bytes <= 255 && !out.contains(v) && !List.of("id", "pk", "sk", "version").contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  /** Hostile data: every catalogue value that fits an item (all but the 100,000 character one), cycled. */
  static String value(int i) {
    List<String> vs = StringAttacks.all().stream().map(StringAttacks.Attack::value).filter(v -> v.length() < 1000 && !v.isEmpty()).toList();
    return vs.get(i % vs.size());
  }

  /** The hostile string fields (S), the hostile number fields (N), the two hostile index key attributes and the table's two. */
  record Names(List<String> s, List<String> n, String gpk, String gsk, String pk, String sk) {
    static Names pick() {
      List<String> all = new ArrayList<>(names());
      // the index key attributes: names no field has (a template placeholder is a \\w+ field name, so
      // the DAL fills them from templates over plain fields)
      String gpk = all.get(0);
      String gsk = all.get(1);
      // and the table's own key attributes
      String pk = all.get(2);
      String sk = all.get(3);
      all.removeAll(List.of(gpk, gsk, pk, sk));
      List<String> n = List.of(all.remove(all.size() - 1), all.remove(all.size() - 1), all.remove(all.size() - 1));
      return new Names(List.copyOf(all), n, gpk, gsk, pk, sk);
    }
  }

  static final Names H = Names.pick();
  static final String A = value(3); // hostile ids: the key templates take them as data
  static final String B = value(4);
  static final String C = value(8);
  static final String D = value(12);

  /** A catalogue field name with a dot, for {@code list.field} value sources. */
  static String dotted() {
    return H.s().stream().filter(x -> x.contains(".")).findFirst().orElseThrow();
  }

  /** The constant of the string-form transaction: a line break, a comment ender, a Python triple quote, a template literal, a NUL. */
  static final String LITERAL = value(0) + value(8) + value(9) + value(16) + value(19);

  static ObjectNode cond(String joiner, ObjectNode... terms) {
    ObjectNode c = M.createObjectNode();
    ArrayNode a = c.putArray("conditions");
    for (ObjectNode t : terms) {
      a.add(t);
    }
    if (joiner != null) {
      c.put("logical_operator", joiner);
    }
    return c;
  }

  static ObjectNode term(String field, String op, String param) {
    ObjectNode t = M.createObjectNode().put("field", field);
    if (op.startsWith("f:")) {
      t.put("function", op.substring(2));
    } else {
      t.put("operator", op);
    }
    if (param != null) {
      t.put("param", param);
    }
    return t;
  }

  static ObjectNode pattern(ArrayNode aps, int id, String name, String operation, String returnType, String... params) {
    ObjectNode ap = aps.addObject();
    ap.put("pattern_id", id).put("name", name).put("description", "hostile " + name).put("operation", operation).put("return_type", returnType);
    ArrayNode ps = ap.putArray("parameters");
    for (String p : params) {
      String[] nt = p.split(":");
      ObjectNode o = ps.addObject().put("name", nt[0]).put("type", nt[1]);
      if (nt.length > 2) {
        o.put(nt[1].equals("entity") ? "entity_type" : "item_type", nt[2]);
      }
    }
    return ap;
  }

  static Path schema(Path dir) throws Exception {
    ObjectNode root = M.createObjectNode();
    ObjectNode t = root.putArray("tables").addObject();
    t.putObject("table_config").put("table_name", "Hostile").put("partition_key", H.pk()).put("sort_key", H.sk());
    ObjectNode gsi = t.putArray("gsi_list").addObject();
    gsi.put("name", "ByHostile").put("partition_key", H.gpk()).put("sort_key", H.gsk()).put("projection", "INCLUDE");
    gsi.putArray("included_attributes").add("id").add(H.s().get(8)).add(H.s().get(9));
    ObjectNode e = t.putObject("entities").putObject("Thing");
    e.put("entity_type", "THING").put("pk_template", "T#{id}").put("sk_template", "T");
    e.putArray("gsi_mappings").addObject().put("name", "ByHostile").put("pk_template", "G#{grp}").put("sk_template", "{rank}");
    ArrayNode fields = e.putArray("fields");
    fields.addObject().put("name", "id").put("type", "string").put("required", true);
    fields.addObject().put("name", "grp").put("type", "string").put("required", false);
    fields.addObject().put("name", "rank").put("type", "string").put("required", false);
    H.s().forEach(f -> fields.addObject().put("name", f).put("type", "string").put("required", false));
    H.n().forEach(f -> fields.addObject().put("name", f).put("type", "integer").put("required", false));
    ArrayNode aps = e.putArray("access_patterns");
    List<String> s = H.s();
    List<String> n = H.n();
    // a conditional put: refused when the hostile attribute exists
    pattern(aps, 1, "put_thing", "PutItem", "single_entity", "thing:entity:Thing").set("condition", cond(null, term(s.get(0), "f:attribute_not_exists", null)));
    // SET of every hostile string field but the guarded one, under a condition on it
    List<String> setParams = new ArrayList<>(List.of("id:string", "expect:string"));
    ObjectNode set = M.createObjectNode();
    ArrayNode sets = set.putArray("set");
    for (int i = 1; i < s.size(); i++) {
      setParams.add("v" + i + ":string");
      sets.addObject().put("field", s.get(i)).put("param", "v" + i);
    }
    ObjectNode up = pattern(aps, 2, "set_strings", "UpdateItem", "single_entity", setParams.toArray(String[]::new));
    up.set("update", set);
    up.set("condition", cond(null, term(s.get(0), "=", "expect")));
    ObjectNode rm = pattern(aps, 3, "drop_strings", "UpdateItem", "single_entity", "id:string");
    rm.putObject("update").putArray("remove").add(s.get(1)).add(s.get(2)).add(s.get(3));
    // ADD, guarded SET -, SET +
    ObjectNode count = pattern(aps, 4, "count", "UpdateItem", "single_entity", "id:string", "k:integer");
    ObjectNode cu = count.putObject("update");
    cu.putArray("add").addObject().put("field", n.get(0)).put("param", "k");
    cu.putArray("set").addObject().put("field", n.get(1)).put("operator", "-").put("param", "k");
    ((ArrayNode) cu.get("set")).addObject().put("field", n.get(2)).put("operator", "+").put("param", "k");
    count.set("condition", cond(null, term(n.get(1), ">=", "k")));
    pattern(aps, 5, "delete_if", "DeleteItem", "success_flag", "id:string", "who:string").set("condition", cond(null, term(s.get(0), "=", "who")));
    ObjectNode find = pattern(aps, 6, "find", "Query", "entity_list", "id:string", "prefix:string", "want:string");
    find.put("range_condition", "begins_with");
    find.set("filter_expression", cond(null, term(s.get(4), "=", "want")));
    ObjectNode scan = pattern(aps, 7, "scan_some", "Scan", "entity_list", "frag:string", "longer:integer");
    scan.set("filter_expression", cond("AND", term(s.get(5), "f:contains", "frag"), term(s.get(6), "f:attribute_exists", null),
        ((ObjectNode) term(s.get(7), "f:size", "longer")).put("operator", ">")));
    ObjectNode byG = pattern(aps, 8, "by_g", "Query", "entity_list", "grp:string", "prefix:string");
    byG.put("index_name", "ByHostile").put("range_condition", "begins_with");
    pattern(aps, 9, "put_many", "BatchWriteItem", "void", "things:entity:Thing").put("batch_action", "Put");
    pattern(aps, 10, "delete_many", "BatchWriteItem", "void", "keys:array:object").put("batch_action", "Delete");
    // a Scan filter of a hostile constant OR two hostile attributes compared with each other (no parameters)
    ObjectNode constant = term(s.get(0), "=", null);
    constant.putObject("param").put("literal", value(1));
    ObjectNode pair = term(s.get(5), "<>", null);
    pair.putObject("param").put("attribute", s.get(4));
    pattern(aps, 11, "scan_constants", "Scan", "entity_list").set("filter_expression", cond("OR", constant, pair));

    ArrayNode xs = root.putArray("cross_table_access_patterns");
    // object form: a guarded update (SET and ADD) and a condition check, keys bound from parameters
    ObjectNode move = xs.addObject();
    move.put("pattern_id", 100).put("name", "move").put("description", "hostile object form").put("operation", "TransactWrite").put("return_type", "boolean");
    ArrayNode mp = move.putArray("parameters");
    for (String p : List.of("target:string", "other:string", "owner:string", "label:string", "k:integer")) {
      mp.addObject().put("name", p.split(":")[0]).put("type", p.split(":")[1]);
    }
    ArrayNode mi = move.putArray("entities_involved");
    ObjectNode mu = mi.addObject().put("table", "Hostile").put("entity", "Thing").put("action", "Update");
    mu.putObject("key").put("id", "target");
    mu.set("condition", cond(null, term(s.get(0), "=", "owner")));
    ObjectNode muu = mu.putObject("update");
    muu.putArray("set").addObject().put("field", s.get(10)).put("param", "label");
    muu.putArray("add").addObject().put("field", n.get(0)).put("param", "k");
    ObjectNode mc = mi.addObject().put("table", "Hostile").put("entity", "Thing").put("action", "ConditionCheck");
    mc.putObject("key").put("id", "other");
    mc.set("condition", cond(null, term(s.get(1 + 10), "f:attribute_exists", null)));
    // for_each over a list of entities: each element's item updated, its key from the element
    ObjectNode tag = xs.addObject();
    tag.put("pattern_id", 101).put("name", "tag_all").put("description", "hostile for_each").put("operation", "TransactWrite").put("return_type", "boolean");
    tag.putArray("parameters").addObject().put("name", "things").put("type", "array").put("entity_type", "Thing");
    ((ArrayNode) tag.get("parameters")).addObject().put("name", "label").put("type", "string");
    ObjectNode tu = tag.putArray("entities_involved").addObject().put("table", "Hostile").put("entity", "Thing").put("action", "Update").put("for_each", "things");
    tu.putObject("key").put("id", "things.id");
    ArrayNode tset = tu.putObject("update").putArray("set");
    tset.addObject().put("field", s.get(12)).put("param", "label");
    // a value from a hostile field of the element (`things.<name>`: the name may hold dots itself)
    tset.addObject().put("field", s.get(15)).put("param", "things." + dotted());
    tu.set("condition", cond(null, term(s.get(0), "=", "things." + s.get(0))));
    // string form: hostile names only through `names`, values through `values`
    ObjectNode str = xs.addObject();
    str.put("pattern_id", 102).put("name", "rename").put("description", "hostile string form").put("operation", "TransactWrite").put("return_type", "boolean");
    ArrayNode sp = str.putArray("parameters");
    for (String p : List.of("id", "owner", "label")) {
      sp.addObject().put("name", p).put("type", "string");
    }
    ObjectNode su = str.putArray("entities_involved").addObject().put("table", "Hostile").put("entity", "Thing").put("action", "Update");
    su.putObject("key").put("id", "id");
    su.put("update", "SET #a = :v REMOVE #b").put("condition", "#c = :w AND #d <> :lit");
    su.putObject("names").put("#a", s.get(13)).put("#b", s.get(10)).put("#c", s.get(0)).put("#d", s.get(14));
    // a hostile constant: the generated code carries it as a literal
    su.putObject("values").put(":v", "label").put(":w", "owner").putObject(":lit").put("literal", LITERAL);
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("schema.json"), Json.pretty(root), StandardCharsets.UTF_8);
  }

  // --- the scenario: steps, each with its expected result and the table after it ---

  static ObjectNode call(ArrayNode steps, String entity, String call, Object... args) {
    ObjectNode st = steps.addObject();
    if (entity == null) {
      st.put("transaction", call);
    } else {
      st.put("entity", entity).put("call", call);
    }
    ObjectNode a = st.putObject("args");
    for (int i = 0; i < args.length; i += 2) {
      a.set((String) args[i], M.valueToTree(args[i + 1]));
    }
    return st;
  }

  static ObjectNode check(ObjectNode step, String id) {
    ArrayNode t = step.has("table") ? (ArrayNode) step.get("table") : step.putArray("table");
    return t.addObject().put("pk", "T#" + id).put("sk", "T");
  }

  static ObjectNode thing(String id, int seed, boolean numbers) {
    ObjectNode o = M.createObjectNode().put("id", id);
    for (int i = 0; i < H.s().size(); i++) {
      o.put(H.s().get(i), value(seed + i));
    }
    if (numbers) {
      o.put(H.n().get(0), 5).put(H.n().get(1), 10).put(H.n().get(2), 1);
    }
    return o;
  }

  static Path scenario(Path dir) throws Exception {
    List<String> s = H.s();
    List<String> n = H.n();
    ObjectNode sc = M.createObjectNode().put("name", "hostile expressions");
    sc.putObject("keys").put("pk", H.pk()).put("sk", H.sk());
    ArrayNode steps = sc.putArray("steps");
    ObjectNode a = thing(A, 0, true).put("grp", value(20)).put("rank", "pre" + value(21));
    steps.addObject().put("create", "Thing").set("data", a);
    // a conditional put refused (the hostile attribute exists), then one accepted
    call(steps, "Thing", "put_thing", "thing", M.createObjectNode().put("id", A).put(s.get(0), "x")).putObject("expect").put("error", "condition_failed");
    ObjectNode putB = call(steps, "Thing", "put_thing", "thing", M.createObjectNode().put("id", B).put(s.get(0), value(1)).put(s.get(11), value(2)));
    putB.putObject("expect").putObject("item").put("id", B).put(s.get(0), value(1));
    check(putB, B).putObject("has").put(s.get(0), value(1)).put(s.get(11), value(2));
    check(putB, A).putObject("has").put(s.get(0), value(0)).put(s.get(1), value(1)).put(s.get(s.size() - 1), value(s.size() - 1))
        .put(H.gpk(), "G#" + value(20)).put(H.gsk(), "pre" + value(21));
    // SET under a condition on a hostile attribute: refused on the wrong value, applied on the stored one
    List<Object> setArgs = new ArrayList<>(List.of("id", A, "expect", "wrong"));
    for (int i = 1; i < s.size(); i++) {
      setArgs.add("v" + i);
      setArgs.add(value(40 + i));
    }
    call(steps, "Thing", "set_strings", setArgs.toArray()).putObject("expect").put("error", "condition_failed");
    setArgs.set(3, value(0));
    ObjectNode set = call(steps, "Thing", "set_strings", setArgs.toArray());
    ObjectNode has = check(set, A).putObject("has");
    for (int i = 0; i < s.size(); i++) {
      has.put(s.get(i), i == 0 ? value(0) : value(40 + i));
    }
    ObjectNode drop = call(steps, "Thing", "drop_strings", "id", A);
    check(drop, A).putArray("absent").add(s.get(1)).add(s.get(2)).add(s.get(3));
    check(drop, A).putObject("has").put(s.get(4), value(44));
    ObjectNode count = call(steps, "Thing", "count", "id", A, "k", 3);
    check(count, A).putObject("has").put(n.get(0), "8").put(n.get(1), "7").put(n.get(2), "4");
    ObjectNode refused = call(steps, "Thing", "count", "id", A, "k", 100);
    refused.putObject("expect").put("error", "condition_failed");
    check(refused, A).putObject("has").put(n.get(0), "8").put(n.get(1), "7");
    call(steps, "Thing", "find", "id", A, "prefix", "", "want", value(44)).putObject("expect").putArray("items").addObject().put("id", A).put(s.get(4), value(44));
    call(steps, "Thing", "find", "id", A, "prefix", "", "want", value(45)).putObject("expect").putArray("items");
    String frag = value(45).substring(1, 2);
    call(steps, "Thing", "scan_some", "frag", frag, "longer", 0).putObject("expect").put("unordered", true).putArray("items").addObject().put("id", A);
    // B by the hostile constant (its s0 is value(1)), A by its two differing hostile attributes; B has neither attribute
    ObjectNode sc2 = call(steps, "Thing", "scan_constants");
    ArrayNode both = sc2.putObject("expect").put("unordered", true).putArray("items");
    both.addObject().put("id", A).put(s.get(4), value(44)).put(s.get(5), value(45));
    both.addObject().put("id", B).put(s.get(0), value(1));
    call(steps, "Thing", "by_g", "grp", value(20), "prefix", "pre").putObject("expect").putArray("items").addObject().put("id", A).put(s.get(8), value(48));
    ObjectNode many = call(steps, "Thing", "put_many", "things", List.of(thing(C, 7, false), thing(D, 9, false)));
    check(many, C).putObject("has").put(s.get(0), value(7)).put(s.get(5), value(12));
    check(many, D).putObject("has").put(s.get(0), value(9));
    ObjectNode gone = call(steps, "Thing", "delete_many", "keys", List.of(M.createObjectNode().put("id", C)));
    check(gone, C).put("missing", true);
    check(gone, D).putObject("has").put(s.get(0), value(9));
    call(steps, "Thing", "delete_if", "id", D, "who", "wrong").putObject("expect").put("error", "condition_failed");
    ObjectNode del = call(steps, "Thing", "delete_if", "id", D, "who", value(9));
    del.putObject("expect").put("flag", true);
    check(del, D).put("missing", true);
    // transactions
    call(steps, null, "move", "target", A, "other", B, "owner", "wrong", "label", value(30), "k", 2).putObject("expect").put("error", "cancelled");
    ObjectNode move = call(steps, null, "move", "target", A, "other", B, "owner", value(0), "label", value(30), "k", 2);
    move.putObject("expect").put("flag", true);
    check(move, A).putObject("has").put(s.get(10), value(30)).put(n.get(0), "10");
    String dot = dotted();
    call(steps, null, "tag_all", "things", List.of(M.createObjectNode().put("id", A).put(s.get(0), value(0)).put(dot, "a"),
        M.createObjectNode().put("id", B).put(s.get(0), "wrong").put(dot, "b")), "label", value(31)).putObject("expect").put("error", "cancelled");
    ObjectNode tag = call(steps, null, "tag_all", "things", List.of(M.createObjectNode().put("id", A).put(s.get(0), value(0)).put(dot, value(33)),
        M.createObjectNode().put("id", B).put(s.get(0), value(1)).put(dot, value(34))), "label", value(31));
    tag.putObject("expect").put("flag", true);
    check(tag, A).putObject("has").put(s.get(12), value(31)).put(s.get(15), value(33));
    check(tag, B).putObject("has").put(s.get(12), value(31)).put(s.get(15), value(34)).put(s.get(0), value(1));
    call(steps, null, "rename", "id", A, "owner", "wrong", "label", value(32)).putObject("expect").put("error", "cancelled");
    // the condition's constant: refused while the hostile attribute holds it, accepted once it does not
    ObjectNode lit = call(steps, "Thing", "put_many", "things", List.of(thing(A, 0, false).put(s.get(14), LITERAL)));
    check(lit, A).putObject("has").put(s.get(14), LITERAL);
    call(steps, null, "rename", "id", A, "owner", value(0), "label", value(32)).putObject("expect").put("error", "cancelled");
    call(steps, "Thing", "put_many", "things", List.of(thing(A, 0, false).put(s.get(10), "x")));
    ObjectNode rename = call(steps, null, "rename", "id", A, "owner", value(0), "label", value(32));
    rename.putObject("expect").put("flag", true);
    check(rename, A).putObject("has").put(s.get(13), value(32));
    check(rename, A).putArray("absent").add(s.get(10));
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("scenario.json"), Json.pretty(sc), StandardCharsets.UTF_8);
  }

  Path dir() throws Exception {
    Path d = tmp.resolve("in");
    schema(d);
    scenario(d);
    return d;
  }

  Path generate(Path dir, DalRequest.Language lang) {
    Path out = tmp.resolve(lang.name());
    var r = DalGenerator.generate(new DalRequest(dir.resolve("schema.json"), lang, Optional.of(out), Optional.empty(), false));
    assertThat(r.isValid()).as(r.diagnostics().toString()).isTrue();
    return out;
  }

  /** Runs the scenario from an empty table up to each table check (one run per check) and checks the results of the full run. */
  void run(Path dir, String lang, ThrowingRunner runner) throws Exception {
    JsonNode sc = Json.parseTrusted(Files.readString(dir.resolve("scenario.json"), StandardCharsets.UTF_8));
    DynamoDbClient client = LocalDynamoDb.clientFor(local.endpoint().orElseThrow());
    JsonNode results = null;
    int last = sc.get("steps").size() - 1;
    for (int c = 0; c <= last; c++) {
      if (!sc.get("steps").get(c).has("table") && c != last) {
        continue;
      }
      client.listTables().tableNames().forEach(t -> client.deleteTable(b -> b.tableName(t)));
      ObjectNode copy = sc.deepCopy();
      ArrayNode steps = copy.putArray("steps");
      for (int i = 0; i <= c; i++) {
        steps.add(sc.get("steps").get(i));
      }
      Path partial = Files.writeString(tmp.resolve(lang + "-upto-" + c + ".json"), Json.pretty(copy), StandardCharsets.UTF_8);
      results = runner.run(partial);
      if (sc.get("steps").get(c).has("table")) {
        ConformanceTest.assertTable(client, sc, sc.get("steps").get(c).get("table"), lang + ", step " + c);
      }
    }
    ConformanceTest.assertResults(sc, results, lang);
  }

  interface ThrowingRunner {
    JsonNode run(Path scenario) throws Exception;
  }

  /**
   * The catalogue names the test leaves out are refused, each for a reason DynamoDB or the
   * generated code has: an empty field name (DynamoDB takes no empty attribute name), the 100,000
   * character name (generated code takes names of at most 255 characters), and an index or table
   * key attribute over DynamoDB's 255 UTF-8 bytes for key attribute names. Nothing is written.
   */
  @Test
  void theNamesLeftOutAreRefused() throws Exception {
    Path d = dir();
    String longest = StringAttacks.all().stream().map(StringAttacks.Attack::value).filter(v -> v.length() > 255).findFirst().orElseThrow();
    String[][] cases = {{"", "Schema.FieldName"}, {longest, "Codegen.NameTooLong"}, {"\u0455".repeat(128), "Schema.GsiKey"}, {"\u0455".repeat(128), "Schema.TableKey"}};
    for (int k = 0; k < cases.length; k++) {
      ObjectNode root = (ObjectNode) Json.parseTrusted(Files.readString(d.resolve("schema.json"), StandardCharsets.UTF_8));
      ObjectNode t = (ObjectNode) root.get("tables").get(0);
      if (cases[k][1].equals("Schema.GsiKey")) {
        ((ObjectNode) t.get("gsi_list").get(0)).put("partition_key", cases[k][0]);
      } else if (cases[k][1].equals("Schema.TableKey")) {
        ((ObjectNode) t.get("table_config")).put("sort_key", cases[k][0]);
      } else {
        ((ArrayNode) t.get("entities").get("Thing").get("fields")).addObject().put("name", cases[k][0]).put("type", "string").put("required", false);
        ((ArrayNode) t.get("entities").get("Thing").get("access_patterns").get(2).get("update").get("remove")).add(cases[k][0]);
      }
      Path sd = Files.createDirectories(tmp.resolve("refused-" + k));
      Files.writeString(sd.resolve("schema.json"), Json.pretty(root), StandardCharsets.UTF_8);
      var r = DalGenerator.generate(new DalRequest(sd.resolve("schema.json"), DalRequest.Language.PYTHON, Optional.of(sd.resolve("out")), Optional.empty(), false));
      assertThat(r.isValid()).as(cases[k][1]).isFalse();
      assertThat(r.diagnostics()).extracting(dev.ddbmodel.core.Diagnostic::id).as(r.diagnostics().toString()).contains(cases[k][1]);
      assertThat(sd.resolve("out")).doesNotExist();
    }
  }

  @Test
  void python() throws Exception {
    Path dir = dir();
    Path out = generate(dir, DalRequest.Language.PYTHON);
    GeneratedCodeAttackTest.assertNoBareAttack(out, ".py");
    run(dir, "python", f -> ConformanceTest.runProcess(out, "python3", ConformanceTest.ROOT.resolve("harness/scenario_runner.py").toString(), out.toString(),
        dir.resolve("schema.json").toString(), f.toString(), local.endpoint().orElseThrow().toString()));
  }

  @Test
  void java() throws Exception {
    Path dir = dir();
    Path out = generate(dir, DalRequest.Language.JAVA);
    GeneratedCodeAttackTest.assertNoBareAttack(out, ".java");
    try (JavaRunner runner = JavaRunner.compile(out, tmp.resolve("java-classes"), dir.resolve("schema.json"), local.endpoint().orElseThrow())) {
      run(dir, "java", runner::run);
    }
  }

  @Test
  void typescript() throws Exception {
    Path dir = dir();
    Path out = generate(dir, DalRequest.Language.TYPESCRIPT);
    dev.ddbmodel.codegen.internal.typescript.TsProject.build(out);
    GeneratedCodeAttackTest.assertNoBareAttack(out, ".ts");
    Files.copy(ConformanceTest.ROOT.resolve("harness/scenario_runner.mjs"), out.resolve("scenario_runner.mjs"));
    run(dir, "typescript", f -> ConformanceTest.runProcess(out, "node", "scenario_runner.mjs", out.toString(), dir.resolve("schema.json").toString(), f.toString(),
        local.endpoint().orElseThrow().toString()));
  }
}
