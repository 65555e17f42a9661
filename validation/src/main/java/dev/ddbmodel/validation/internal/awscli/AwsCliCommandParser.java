package dev.ddbmodel.validation.internal.awscli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Suggestions;
import dev.ddbmodel.core.Validated;
import dev.ddbmodel.core.json.Json;
import dev.ddbmodel.core.json.JsonDocument;
import dev.ddbmodel.validation.internal.exec.DynamoJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one {@code aws dynamodb ...} command line into an {@link AwsCliCommand} without ever
 * running a shell. Every problem is a {@code Command.*} diagnostic; all problems of a command are
 * reported together.
 */
public final class AwsCliCommandParser {
  private AwsCliCommandParser() {}

  /** Global options that take no value (the others take one, unless given as {@code --name=value}). */
  private static final java.util.Set<String> VALUELESS_GLOBALS = java.util.Set.of("debug", "no-verify-ssl", "no-sign-request", "no-cli-pager",
      "cli-pager", "generate-cli-skeleton");

  /**
   * The awscli accepts global options anywhere, also before {@code dynamodb} and before the
   * subcommand ({@code aws --endpoint-url URL dynamodb query ...}): those are moved behind the
   * subcommand, where they are refused or ignored like any other global option, instead of being
   * mistaken for a missing subcommand.
   */
  static List<String> globalsAfterSubcommand(List<String> words) {
    if (words.isEmpty() || !words.get(0).equals("aws")) {
      return words;
    }
    List<String> head = new ArrayList<>(List.of("aws"));
    List<String> globals = new ArrayList<>();
    int i = 1;
    while (i < words.size() && head.size() < 3) {
      String w = words.get(i);
      String name = w.startsWith("--") ? w.substring(2).split("=", 2)[0] : "";
      boolean global = Subcommands.REFUSED_GLOBALS.containsKey(name) || Subcommands.IGNORED_GLOBALS.containsKey(name)
          || VALUELESS_GLOBALS.contains(name);
      if (!global) {
        head.add(w);
        i++;
        continue;
      }
      globals.add(w);
      boolean valueless = VALUELESS_GLOBALS.contains(name)
          || (Subcommands.IGNORED_GLOBALS.containsKey(name) && Subcommands.IGNORED_GLOBALS.get(name).kind() == FlagSpec.Kind.BOOLEAN);
      if (!w.contains("=") && !valueless && i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
        globals.add(words.get(++i));
      }
      i++;
    }
    if (globals.isEmpty()) {
      return words;
    }
    head.addAll(words.subList(i, words.size()));
    head.addAll(globals);
    return head;
  }

  /** Parses a command; diagnostics have no file location (callers attach one). */
  public static Validated<AwsCliCommand> parse(String commandLine) {
    return parse(commandLine, SourceLocation.NONE);
  }

  /** Parses a command; diagnostics carry {@code where} (e.g. the pattern's JSON Pointer). */
  public static Validated<AwsCliCommand> parse(String commandLine, SourceLocation where) {
    List<Diagnostic> out = new ArrayList<>();
    if (commandLine == null || commandLine.isBlank()) {
      return Validated.invalid(err("Command.Empty", "the command is empty", where,
          "write one `aws dynamodb <subcommand> ...` command"));
    }
    List<String> words;
    try {
      words = ShellTokenizer.tokenize(commandLine.strip());
    } catch (ShellTokenizer.TokenizeException e) {
      return Validated.invalid(err("Command.Shell", e.getMessage() + " (at character " + (e.offset + 1) + ")", where, e.hint));
    }
    words = globalsAfterSubcommand(words);
    if (words.size() < 2 || !words.get(0).equals("aws") || !words.get(1).equals("dynamodb")) {
      return Validated.invalid(err("Command.NotDynamoDb",
          "the command must start with `aws dynamodb`, found `" + String.join(" ", words.subList(0, Math.min(2, words.size()))) + "`",
          where, "write the command as `aws dynamodb <subcommand> ...`"));
    }
    if (words.size() < 3 || words.get(2).startsWith("--")) {
      return Validated.invalid(err("Command.MissingSubcommand", "no subcommand after `aws dynamodb`", where,
          "one of: " + String.join(", ", Subcommands.TABLE.keySet())));
    }
    String sub = words.get(2);
    Map<String, FlagSpec> specs = Subcommands.TABLE.get(sub);
    if (specs == null) {
      return Validated.invalid(err("Command.UnknownSubcommand", "`" + sub + "` is not a supported `aws dynamodb` subcommand", where,
          Suggestions.hint(sub, Subcommands.TABLE.keySet())));
    }
    Map<String, Object> flags = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (int i = 3; i < words.size(); i++) {
      String w = words.get(i);
      if (!w.startsWith("--") || w.length() == 2) {
        out.add(err("Command.UnexpectedArgument", "unexpected argument `" + abbreviate(w) + "`", where,
            "every value follows its flag; quote values that contain spaces"));
        continue;
      }
      String name = w.substring(2);
      String inlineValue = null;
      int eq = name.indexOf('=');
      if (eq > 0) {
        inlineValue = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (Subcommands.REFUSED_GLOBALS.containsKey(name)) {
        out.add(err("Command.RefusedOption", "`--" + name + "` is not allowed: " + Subcommands.REFUSED_GLOBALS.get(name), where,
            "remove `--" + name + "`"));
        if (inlineValue == null && i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
          i++;
        }
        continue;
      }
      boolean negated = name.startsWith("no-");
      String base = negated ? name.substring(3) : name;
      FlagSpec spec = specs.get(name);
      if (spec == null && negated && specs.containsKey(base) && specs.get(base).kind() == FlagSpec.Kind.BOOLEAN) {
        spec = specs.get(base);
      }
      boolean ignoredGlobal = false;
      if (spec == null) {
        spec = Subcommands.IGNORED_GLOBALS.get(name);
        if (spec == null && negated) {
          FlagSpec g = Subcommands.IGNORED_GLOBALS.get(base);
          spec = g != null && g.kind() == FlagSpec.Kind.BOOLEAN ? g : null;
        }
        ignoredGlobal = spec != null;
      }
      if (spec == null) {
        List<String> candidates = new ArrayList<>(specs.keySet());
        out.add(err("Command.UnknownOption", "`--" + name + "` is not an option of `aws dynamodb " + sub + "`", where,
            Suggestions.closest(name, candidates).map(s -> "did you mean `--" + s + "`?")
                .orElse("options: " + String.join(", ", candidates.stream().map(s -> "--" + s).toList()))));
        if (inlineValue == null && i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
          i++;
        }
        continue;
      }
      String key = spec.name();
      if (flags.containsKey(key)) {
        out.add(err("Command.DuplicateOption", "`--" + key + "` is given more than once", where, "keep one"));
      }
      if (spec.kind() == FlagSpec.Kind.BOOLEAN) {
        if (inlineValue != null) {
          out.add(err("Command.BadValue", "`--" + name + "` takes no value", where,
              "write `--" + base + "` or `--no-" + base + "`"));
        }
        if (ignoredGlobal) {
          notes.add("`--" + name + "` has no effect here");
        } else {
          flags.put(key, !negated);
        }
        continue;
      }
      if (negated && !specs.containsKey(name)) {
        out.add(err("Command.BadValue", "`--" + name + "` is not a switch", where, "give `--" + base + "` a value"));
        continue;
      }
      String value = inlineValue;
      if (value == null) {
        if (i + 1 >= words.size() || (words.get(i + 1).startsWith("--") && words.get(i + 1).length() > 2)) {
          out.add(err("Command.MissingValue", "`--" + key + "` needs a value", where, valueHint(spec)));
          continue;
        }
        value = words.get(++i);
      }
      if (ignoredGlobal) {
        notes.add("`--" + key + " " + value + "` has no effect here");
        continue;
      }
      Object typed = convert(spec, value, where, out);
      if (typed != null) {
        flags.put(key, typed);
      }
    }
    for (FlagSpec s : specs.values()) {
      if (s.required() && !flags.containsKey(s.name()) && out.stream().noneMatch(d -> d.message().contains("`--" + s.name() + "`"))) {
        out.add(err("Command.MissingOption", "`aws dynamodb " + sub + "` needs `--" + s.name() + "`", where, valueHint(s)));
      }
    }
    crossChecks(sub, flags, where, out);
    return Validated.of(new AwsCliCommand(sub, flags, notes), out);
  }

  private static void crossChecks(String sub, Map<String, Object> flags, SourceLocation where, List<Diagnostic> out) {
    if (flags.containsKey("max-items") && flags.containsKey("limit")) {
      // legal for the AWS CLI, but --limit turns pagination off, so --max-items does nothing
      out.add(Diagnostic.warning("Command.LimitAndMaxItems",
          "`--limit` turns automatic pagination off, so `--max-items` has no effect", where, "keep one of them"));
    }
    if (flags.containsKey("segment") != flags.containsKey("total-segments")) {
      out.add(err("Command.ParallelScan", "`--segment` and `--total-segments` go together", where, "give both or neither"));
    }
    if (Boolean.TRUE.equals(flags.get("consistent-read")) && flags.containsKey("index-name")
        && (sub.equals("query") || sub.equals("scan"))) {
      out.add(Diagnostic.warning("Command.ConsistentReadOnIndex",
          "`--consistent-read` is not supported on a global secondary index", where,
          "remove `--consistent-read` (only local secondary indexes and tables support it)"));
    }
  }

  private static Object convert(FlagSpec spec, String value, SourceLocation where, List<Diagnostic> out) {
    String flag = "--" + spec.name();
    switch (spec.kind()) {
      case STRING:
        if (value.isEmpty()) {
          out.add(err("Command.BadValue", "`" + flag + "` is empty", where, valueHint(spec)));
          return null;
        }
        return value;
      case INTEGER:
        try {
          int n = Integer.parseInt(value.trim());
          if (n < (spec.name().equals("segment") ? 0 : 1)) {
            throw new NumberFormatException();
          }
          return n;
        } catch (NumberFormatException e) {
          out.add(err("Command.BadValue", "`" + flag + "` must be a positive whole number, got `" + abbreviate(value) + "`", where, valueHint(spec)));
          return null;
        }
      case ENUM: {
        String up = value.toUpperCase(Locale.ROOT);
        for (String a : spec.allowed()) {
          if (a.equalsIgnoreCase(value)) {
            return a;
          }
        }
        out.add(err("Command.BadValue", "`" + flag + "` does not accept `" + abbreviate(value) + "`", where,
            Suggestions.hint(up, spec.allowed())));
        return null;
      }
      case JSON:
        return json(flag, value, where, out);
      case ATTRIBUTE_MAP: {
        JsonNode n = value.strip().startsWith("{") ? json(flag, value, where, out) : Shorthand.attributeMap(value);
        if (n == null) {
          if (!value.strip().startsWith("{")) {
            out.add(err("Command.BadValue", "`" + flag + "` is neither JSON nor shorthand (`name={S=text},n={N=1}`)", where,
                "write the value as JSON in single quotes, e.g. '{\"pk\":{\"S\":\"USER#1\"}}'"));
          }
          return null;
        }
        try {
          DynamoJson.toItem(n, flag);
        } catch (IllegalArgumentException e) {
          out.add(err("Command.BadAttributeValue", e.getMessage(), where,
              "attribute values look like {\"S\":\"text\"}, {\"N\":\"12\"}, {\"BOOL\":true}"));
          return null;
        }
        return n;
      }
      case NAME_MAP: {
        JsonNode n = value.strip().startsWith("{") ? json(flag, value, where, out) : Shorthand.nameMap(value);
        if (n == null) {
          if (!value.strip().startsWith("{")) {
            out.add(err("Command.BadValue", "`" + flag + "` is neither JSON nor shorthand (`#a=name,#b=other`)", where,
                "write the value as JSON in single quotes, e.g. '{\"#s\":\"status\"}'"));
          }
          return null;
        }
        boolean ok = n.isObject();
        for (var it = n.properties().iterator(); ok && it.hasNext(); ) {
          var e = it.next();
          ok = e.getKey().startsWith("#") && e.getValue().isTextual();
        }
        if (!ok) {
          out.add(err("Command.BadValue", "`" + flag + "` must map `#placeholders` to attribute names", where,
              "e.g. '{\"#s\":\"status\"}'"));
          return null;
        }
        return n;
      }
      default:
        throw new IllegalStateException(spec.kind().toString());
    }
  }

  private static JsonNode json(String flag, String value, SourceLocation where, List<Diagnostic> out) {
    Validated<JsonDocument> doc = JsonDocument.parse(flag, value);
    if (!doc.isValid()) {
      Diagnostic d = doc.errors().get(0);
      String hint = d.hint().isEmpty() ? "wrap the JSON in single quotes so the shell passes it unchanged" : d.hint();
      out.add(err("Command.BadJson", "`" + flag + "` is not valid JSON: " + d.message()
          + (d.location().line() > 0 ? " (column " + d.location().column() + ")" : ""), where, hint));
      return null;
    }
    return doc.unwrap().root();
  }

  private static String valueHint(FlagSpec spec) {
    return switch (spec.kind()) {
      case ATTRIBUTE_MAP -> "e.g. --" + spec.name() + " '{\"pk\":{\"S\":\"USER#1\"}}'";
      case NAME_MAP -> "e.g. --" + spec.name() + " '{\"#s\":\"status\"}'";
      case JSON -> "a JSON value in single quotes";
      case ENUM -> "one of: " + String.join(", ", spec.allowed());
      case INTEGER -> "a positive whole number, e.g. --" + spec.name() + " 10";
      default -> "give `--" + spec.name() + "` a value; quote it if it contains spaces";
    };
  }

  private static Diagnostic err(String id, String message, SourceLocation where, String hint) {
    return Diagnostic.error(id, message, where, hint);
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  /** AWS CLI shorthand for the two map shapes commands use. */
  static final class Shorthand {
    private Shorthand() {}

    /** {@code pk={S=USER#1},n={N=5},b={BOOL=true}}; null when it is not that shape. */
    static JsonNode attributeMap(String s) {
      ObjectNode out = Json.object();
      for (String entry : splitTopLevel(s)) {
        int eq = entry.indexOf('=');
        if (eq <= 0 || !entry.endsWith("}") || entry.charAt(eq + 1) != '{') {
          return null;
        }
        String name = entry.substring(0, eq).strip();
        String inner = entry.substring(eq + 2, entry.length() - 1);
        int ieq = inner.indexOf('=');
        if (ieq <= 0) {
          return null;
        }
        String type = inner.substring(0, ieq).strip();
        String v = inner.substring(ieq + 1);
        ObjectNode av = Json.object();
        switch (type) {
          case "S", "N", "B" -> av.put(type, v);
          case "BOOL" -> {
            if (!v.equals("true") && !v.equals("false")) {
              return null;
            }
            av.put(type, Boolean.parseBoolean(v));
          }
          case "NULL" -> av.put(type, true);
          default -> {
            return null;
          }
        }
        out.set(name, av);
      }
      return out.isEmpty() ? null : out;
    }

    /** {@code #a=name,#b=other}; null when it is not that shape. */
    static JsonNode nameMap(String s) {
      ObjectNode out = Json.object();
      for (String entry : splitTopLevel(s)) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
          return null;
        }
        out.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip());
      }
      return out.isEmpty() ? null : out;
    }

    private static List<String> splitTopLevel(String s) {
      List<String> parts = new ArrayList<>();
      int depth = 0;
      StringBuilder cur = new StringBuilder();
      for (char c : s.toCharArray()) {
        if (c == '{') {
          depth++;
        } else if (c == '}') {
          depth--;
        }
        if (c == ',' && depth == 0) {
          parts.add(cur.toString());
          cur.setLength(0);
        } else {
          cur.append(c);
        }
      }
      if (cur.length() > 0) {
        parts.add(cur.toString());
      }
      return parts;
    }
  }
}
