package dev.ddbmodel.core.internal.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link DynamoDbLimits} is the one place DynamoDB's limits are written down: no other main code of
 * any module spells one of them as a number (comments aside). Each pattern below is a way the
 * numbers were (or could be) repeated; a match names the file and line.
 */
class LimitsTableTest {
  /** What a repeated limit looks like in code, with the limit it stands for. */
  static final List<String[]> PATTERNS = List.of(
      new String[] {"item size", "\\b409[_,]?600\\b|\\b400\\s*\\*\\s*1024\\b|\\b400 ?KB\\b"},
      new String[] {"batch / transaction size", "(\\+=|\\+)\\s*(25|100)\\b\\s*[)\\]:]|range\\(0, len\\(\\w+\\), (25|100)\\)|->\\s*(25|100)\\s*;"},
      new String[] {"GSI key attributes", "size\\(\\)\\s*>\\s*4\\b|\\?\\s*4\\s*:\\s*1\\b|at most 4\\b"},
      new String[] {"index counts", "size\\(\\)\\s*>\\s*(20|5)\\b"},
      new String[] {"auto scaling target range", ">=\\s*20\\b.*<=\\s*90\\b|from 20 to 90"},
      new String[] {"key sizes", "(?i)(key|partition|sort)\\w*\\s*(>|>=|<|<=|=)\\s*(2048|1024)\\b"},
      new String[] {"capacity units", "(?i)(unit|rcu|wcu)\\w*\\s*=\\s*(4096|1024|3000|1000)\\b"},
      new String[] {"IN operands", "size\\(\\)\\s*>\\s*100\\b|at most 100\\b"},
      new String[] {"name length", "\\{3,\\s*255\\}|\\b3 to 255\\b"},
      new String[] {"a limit constant of its own", "static final (int|long|double) \\w*(ITEM|KEY|BATCH|TRANSACT|ACTION|GSI|LSI|INDEX|UNIT|PARTITION|PROJECT)\\w* = [0-9]"});

  /** Main sources of every module, from the core module's folder. */
  static List<Path> mainSources() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> out = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path m : modules.filter(p -> Files.isDirectory(p.resolve("src/main/java"))).toList()) {
        try (Stream<Path> s = Files.walk(m.resolve("src/main/java"))) {
          s.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
        }
      }
    }
    return out;
  }

  /** The text without comments, line by line (block and line comments blanked). */
  static List<String> code(Path file) throws IOException {
    String s = Files.readString(file, StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder(s.length());
    boolean block = false;
    boolean line = false;
    boolean str = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char n = i + 1 < s.length() ? s.charAt(i + 1) : '\0';
      if (block) {
        if (c == '*' && n == '/') {
          block = false;
          i++;
        }
        sb.append(c == '\n' ? '\n' : ' ');
      } else if (line) {
        if (c == '\n') {
          line = false;
          sb.append('\n');
        }
      } else if (str) {
        sb.append(c);
        if (c == '\\') {
          sb.append(n);
          i++;
        } else if (c == '"') {
          str = false;
        }
      } else if (c == '/' && n == '*') {
        block = true;
        i++;
      } else if (c == '/' && n == '/') {
        line = true;
        i++;
      } else {
        str = c == '"';
        sb.append(c);
      }
    }
    return List.of(sb.toString().split("\n", -1));
  }

  @Test
  void noMainCodeOutsideTheLimitsTableSpellsALimit() throws IOException {
    List<Path> sources = mainSources();
    assertThat(sources).as("the scan sees every module").anyMatch(p -> p.toString().contains("/codegen/"))
        .anyMatch(p -> p.toString().contains("/validation/")).anyMatch(p -> p.toString().contains("/schema/"));
    List<String> found = new ArrayList<>();
    for (Path f : sources) {
      if (f.endsWith("DynamoDbLimits.java")) {
        continue;
      }
      List<String> lines = code(f);
      for (int i = 0; i < lines.size(); i++) {
        for (String[] p : PATTERNS) {
          if (Pattern.compile(p[1]).matcher(lines.get(i)).find()) {
            found.add(f.getFileName() + ":" + (i + 1) + " (" + p[0] + "): " + lines.get(i).strip());
          }
        }
      }
    }
    assertThat(found).as("use the constant from DynamoDbLimits instead").isEmpty();
  }

  @Test
  void thePatternsFindTheWaysTheNumbersWereRepeated() {
    List<String> repeated = List.of(
        "field.equals(\"item_size_bytes\") ? \"DynamoDB items are at most 400 KB (409,600 bytes)\" : \"\");",
        "public static final int MAX_ITEM_BYTES = 400 * 1024;",
        "case BatchWriteItem -> 25;",
        "sb.append(\"    for (int i = 0; i < keys.size(); i += 100) {\\n\");",
        "sb.append(\"        for start in range(0, len(items), 25):\\n\");",
        "keys.slice(i, i + 100).map((k) => this.key(k))",
        "if (v.size() > 4) {",
        "keySchema(ks, p, types, used, c, what, global ? 4 : 1, global ? 4 : 1);",
        "if (gl.size() > 20) {",
        "if (tv.doubleValue() >= 20 && tv.doubleValue() <= 90) {",
        "if (keyBytes > 2048) {",
        "static final int READ_UNIT_BYTES = 4096;",
        "public static final int MAX_ACTIONS = 100;",
        "} else if (kind == Kind.CONDITION && cond.get(\"params\").size() > 100) {",
        "static final Pattern TABLE_NAME = Pattern.compile(\"[a-zA-Z0-9_.-]{3,255}\");",
        "\"use 3 to 255 characters: letters, digits, `_`, `-` and `.`\");");
    for (String r : repeated) {
      assertThat(PATTERNS).as(r).anyMatch(p -> Pattern.compile(p[1]).matcher(r).find());
    }
    assertThat(PATTERNS).noneMatch(p -> Pattern.compile(p[1]).matcher("sb.append(x, 0, 100);").find()
        || Pattern.compile(p[1]).matcher("static final int MAX_PATH_LENGTH = 4096;").find());
  }
}
