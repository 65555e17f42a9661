package dev.ddbmodel.codegen.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.Names;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Runs conformance scenarios through a generated Java DAL, compiled with javac and loaded in-process. */
public final class JavaRunner implements AutoCloseable {
  // BigDecimal results stay exact through valueToTree (a plain mapper reads them back as doubles)
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private final URLClassLoader loader;
  private final JsonNode schema;
  private final DynamoDbClient client;

  private JavaRunner(URLClassLoader loader, JsonNode schema, DynamoDbClient client) {
    this.loader = loader;
    this.schema = schema;
    this.client = client;
  }

  public static JavaRunner compile(Path out, Path classes, Path schemaFile, URI endpoint) throws Exception {
    List<String> args = new ArrayList<>(List.of("-d", Files.createDirectories(classes).toString(), "-cp", System.getProperty("java.class.path"), "--release", "17",
        "-Xlint:all,-path", "-Werror"));
    try (Stream<Path> s = Files.walk(out.resolve("src/main/java"))) {
      s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
    }
    java.io.ByteArrayOutputStream diag = new java.io.ByteArrayOutputStream();
    int rc = ToolProvider.getSystemJavaCompiler().run(null, diag, diag, args.toArray(String[]::new));
    assertThat(rc).as(diag.toString(StandardCharsets.UTF_8)).isZero();
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavaRunner.class.getClassLoader());
    return new JavaRunner(loader, Json.parseTrusted(Files.readString(schemaFile, StandardCharsets.UTF_8)),
        dev.ddbmodel.validation.LocalDynamoDb.clientFor(endpoint));
  }

  public JsonNode run(Path scenarioFile) throws Exception {
    JsonNode sc = Json.parseTrusted(Files.readString(scenarioFile, StandardCharsets.UTF_8));
    loader.loadClass("dal.Tables").getMethod("create", DynamoDbClient.class).invoke(null, client);
    ArrayNode out = MAPPER.createArrayNode();
    for (int i = 0; i < sc.get("steps").size(); i++) {
      JsonNode step = sc.get("steps").get(i);
      if (step.has("create")) {
        Object repo = repo(step.get("create").asText());
        Object entity = entity(step.get("create").asText(), step.get("data"));
        repo.getClass().getMethod("create", entity.getClass()).invoke(repo, entity);
        continue;
      }
      JsonNode ap;
      Object repo;
      String call;
      if (step.has("transaction")) {
        call = step.get("transaction").asText();
        ap = null;
        for (JsonNode x : schema.path("cross_table_access_patterns")) {
          if (x.get("name").asText().equals(call)) {
            ap = x;
          }
        }
        repo = loader.loadClass("dal.TransactionService").getConstructor(DynamoDbClient.class).newInstance(client);
      } else if (step.has("call")) {
        call = step.get("call").asText();
        ap = pattern(step.get("entity").asText(), call);
        repo = repo(step.get("entity").asText());
      } else {
        continue;
      }
      String name = Names.camel(call);
      collection = ap.path("operation").asText().equals("Query") && ap.path("return_type").asText().equals("mixed_data");
      int n = ap.path("parameters").size();
      Method m = Stream.of(repo.getClass().getMethods()).filter(x -> x.getName().replaceFirst("Value$", "").equals(name))
          .filter(x -> x.getParameterCount() == n || x.getParameterCount() == n + 1 && x.getParameterTypes()[n] == Map.class
              || x.getParameterCount() == n + 2 && x.getParameterTypes()[n] == Integer.class).findFirst().orElseThrow();
      Object[] args = new Object[m.getParameterCount()];
      if (m.getParameterCount() == n + 1) {
        args[n] = Map.of();
      }
      for (int k = 0; k < n; k++) {
        JsonNode p = ap.get("parameters").get(k);
        JsonNode v = step.get("args").get(p.get("name").asText());
        args[k] = ap.path("operation").asText().equals("BatchWriteItem") && !ap.path("batch_action").asText("Put").equals("Delete") && v != null ? entities(step.get("entity").asText(), v) : convert(v, m.getParameterTypes()[k], p);
      }
      ObjectNode r = MAPPER.createObjectNode();
      JsonNode opts = step.get("options");
      try {
        if (opts != null) {
          Method paged = Stream.of(repo.getClass().getMethods()).filter(x -> x.getName().equals(m.getName()) && x.getParameterCount() == n + 3).findFirst().orElseThrow();
          Object[] pa = java.util.Arrays.copyOf(args, n + 3);
          pa[n] = opts.has("limit") ? opts.get("limit").asInt() : null;
          pa[n + 2] = opts.path("descending").asBoolean(false);
          ArrayNode items = r.putArray("items");
          int pages = 0;
          String token = null;
          do {
            pa[n + 1] = token;
            Object page = paged.invoke(repo, pa);
            pages++;
            items.addAll((ArrayNode) norm(page).get("items"));
            token = (String) page.getClass().getMethod("nextToken").invoke(page);
          } while (token != null && opts.path("all_pages").asBoolean(false));
          r.put("pages", pages);
        } else if (ap.path("operation").asText().equals("TransactGet")) {
          Map<?, ?> found = (Map<?, ?>) m.invoke(repo, args);
          ArrayNode items = r.putArray("items");
          for (JsonNode inv : ap.path("entities_involved")) {
            Object x = found.get(inv.get("entity").asText());
            items.add(x == null ? MAPPER.createObjectNode().put("none", true) : plain(x));
          }
        } else {
          r = norm(m.invoke(repo, args));
        }
      } catch (InvocationTargetException ex) {
        Throwable c = ex.getCause();
        if (c.getClass().getSimpleName().equals("ConcurrentModificationException")) {
          r.put("error", "conflict");
        } else if (c.getClass().getSimpleName().equals("ConditionFailedException")) {
          r.put("error", "condition_failed");
        } else if (c.getClass().getSimpleName().equals("TransactionCancelledException")) {
          r.put("error", "cancelled");
          ArrayNode reasons = r.putArray("reasons");
          List<?> codes = (List<?>) c.getClass().getMethod("reasons").invoke(c);
          List<?> labels = (List<?>) c.getClass().getMethod("actions").invoke(c);
          ArrayNode failed = r.putArray("failed");
          for (int k = 0; k < codes.size(); k++) {
            reasons.add(String.valueOf(codes.get(k)));
            if (!"None".equals(codes.get(k))) {
              failed.add(k < labels.size() ? String.valueOf(labels.get(k)) : String.valueOf(k));
            }
          }
        } else {
          r.put("error", "other").put("message", c.toString());
        }
      }
      ObjectNode o = out.addObject();
      o.put("step", i);
      o.set("result", r);
    }
    return out;
  }

  private Object convert(JsonNode v, Class<?> type, JsonNode param) throws Exception {
    if (v == null || v.isNull()) {
      return null;
    }
    if (param.path("type").asText().equals("entity")) {
      return entity(param.get("entity_type").asText(), v);
    }
    if (param.path("type").asText().equals("array") && param.has("entity_type") && v.isArray()) {
      List<Object> out = new java.util.ArrayList<>();
      for (JsonNode x : v) {
        out.add(entity(param.get("entity_type").asText(), x));
      }
      return out;
    }
    if (type == String.class) {
      return v.asText();
    }
    if (type == Long.class || type == long.class) {
      return v.asLong();
    }
    if (type == java.math.BigDecimal.class) {
      return v.decimalValue();
    }
    if (type == Boolean.class || type == boolean.class) {
      return v.asBoolean();
    }
    return MAPPER.convertValue(v, type);
  }

  private List<Object> entities(String entity, JsonNode list) throws Exception {
    List<Object> out = new ArrayList<>();
    for (JsonNode x : list) {
      out.add(entity(entity, x));
    }
    return out;
  }

  private Object repo(String entity) throws Exception {
    return loader.loadClass("dal." + Names.pascalPreserving(entity) + "Repository").getConstructor(DynamoDbClient.class).newInstance(client);
  }

  @SuppressWarnings("unchecked")
  private Object entity(String entity, JsonNode data) throws Exception {
    Map<String, Object> m = MAPPER.convertValue(data, LinkedHashMap.class);
    m.replaceAll((k, x) -> x instanceof Double || x instanceof Integer || x instanceof Long ? new java.math.BigDecimal(String.valueOf(x)) : x);
    return loader.loadClass("dal." + Names.pascalPreserving(entity)).getMethod("fromMap", Map.class).invoke(null, m);
  }

  private JsonNode pattern(String entity, String name) {
    for (JsonNode t : schema.get("tables")) {
      JsonNode e = t.get("entities").get(entity);
      if (e != null) {
        for (JsonNode ap : e.path("access_patterns")) {
          if (ap.get("name").asText().equals(name)) {
            return ap;
          }
        }
      }
    }
    throw new IllegalArgumentException(entity + "/" + name);
  }

  /** Whether the step being run reads an item collection (its items are typed). */
  private boolean collection;

  private ObjectNode norm(Object r) throws Exception {
    ObjectNode o = MAPPER.createObjectNode();
    if (r instanceof Optional<?> opt) {
      return opt.isEmpty() ? o.put("none", true) : norm(opt.get());
    }
    if (r == null) {
      return o.put("none", true);
    }
    if (r instanceof Boolean b) {
      return o.put("flag", b);
    }
    List<?> list = null;
    if (r instanceof List<?> l) {
      list = l;
    } else if (r.getClass().getSimpleName().equals("Page")) {
      list = (List<?>) r.getClass().getMethod("items").invoke(r);
    }
    if (list != null) {
      ArrayNode items = o.putArray("items");
      for (Object x : list) {
        JsonNode p = plain(x);
        if (collection) {
          // an item collection: each item typed, its entity named
          ((ObjectNode) p).put("_entity", x.getClass().getSimpleName());
        }
        items.add(p);
      }
      return o;
    }
    o.set("item", plain(r));
    return o;
  }

  private JsonNode plain(Object x) throws Exception {
    Object v = x instanceof Map<?, ?> ? x : x.getClass().getMethod("values").invoke(x);
    ObjectNode n = MAPPER.valueToTree(v);
    List<String> nulls = new ArrayList<>();
    n.properties().forEach(f -> {
      if (f.getValue().isNull()) {
        nulls.add(f.getKey());
      }
    });
    n.remove(nulls);
    return n;
  }

  @Override
  public void close() throws Exception {
    loader.close();
  }
}
