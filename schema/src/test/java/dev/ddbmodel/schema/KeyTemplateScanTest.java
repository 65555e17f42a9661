package dev.ddbmodel.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * KeyTemplate is the one key-template scanner: validation's placeholder candidates, the field
 * names a template reads (codegen, the GSI projection check, the Workbench mapping) and the
 * field-name rule. Pinned against the regexes the three former scanners used, over seeded random
 * templates whose alphabet holds the characters at each edge of {@code [a-zA-Z0-9_]}.
 */
class KeyTemplateScanTest {
  static final Pattern BODY = Pattern.compile("\\{([^{}]*)\\}");
  static final Pattern FIELD = Pattern.compile("\\{(\\w+)(?::([^{}]*))?\\}");
  static final Pattern GSI_PASS_OLD = Pattern.compile("\\{(\\w+)");
  static final Pattern WORD = Pattern.compile("\\w+");
  static final char[] ALPHABET = {'{', '}', ':', '#', ' ', '-', '\u00e9', 'a', 'z', 'A', 'Z', '0', '9', '_', '@', '[', '`', '/', '^'};

  static List<String> groups(Pattern p, String s) {
    List<String> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** What validation accepts: balanced, unnested braces, and every brace pair a {@code {name}} or {@code {name:format}}. */
  static boolean valid(String s) {
    int depth = 0;
    for (char c : s.toCharArray()) {
      if (c == '{' && ++depth > 1 || c == '}' && --depth < 0) {
        return false;
      }
    }
    return depth == 0 && groups(BODY, s).stream().allMatch(b -> WORD.matcher(b.contains(":") ? b.substring(0, b.indexOf(':')) : b).matches());
  }

  @Test
  void oneScannerAgreesWithEachFormerRegex() {
    Random rnd = new Random(21);
    int validSeen = 0;
    for (int n = 0; n < 100_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(14);
      for (int i = 0; i < len; i++) {
        sb.append(ALPHABET[rnd.nextInt(ALPHABET.length)]);
      }
      String s = sb.toString();
      assertThat(KeyTemplate.placeholderBodies(s)).as("seed 21, case %d: %s", n, s).isEqualTo(groups(BODY, s));
      assertThat(KeyTemplate.isFieldName(s)).as("seed 21, case %d: %s", n, s).isEqualTo(WORD.matcher(s).matches());
      assertThat(KeyTemplate.parse(s).fieldNames()).as("seed 21, case %d: %s", n, s).isEqualTo(List.copyOf(new LinkedHashSet<>(groups(FIELD, s))));
      if (valid(s)) {
        validSeen++;
        // the GSI projection check scanned with \{(\w+); on every template validation accepts it reads the same fields
        Set<String> old = new LinkedHashSet<>(groups(GSI_PASS_OLD, s));
        assertThat(KeyTemplate.parse(s).fieldNames()).as("seed 21, case %d: %s", n, s).containsExactlyElementsOf(old);
      }
    }
    assertThat(validSeen).isGreaterThan(10_000);
  }

  @Test
  void acceptedAndRefusedInputs() {
    assertThat(KeyTemplate.placeholderBodies("ORDER#{date}#{order_id}")).containsExactly("date", "order_id");
    assertThat(KeyTemplate.placeholderBodies("{}{a-b}{x:05d}")).containsExactly("", "a-b", "x:05d");
    assertThat(KeyTemplate.placeholderBodies("{a{b}")).containsExactly("b");
    assertThat(KeyTemplate.placeholderBodies("{abc")).isEmpty();
    assertThat(KeyTemplate.parse("{a-b}#{ok}").fieldNames()).containsExactly("ok");
    assertThat(KeyTemplate.parse("{score:05d}").parts()).containsExactly(new KeyTemplate.Part(null, "score", "05d"));
    assertThat(KeyTemplate.parse("U#{id}").isSingleField()).isFalse();
    assertThat(KeyTemplate.parse("{id}").isSingleField()).isTrue();
    assertThat(KeyTemplate.parse("{id}#x").isSingleField()).isFalse();
    assertThat(KeyTemplate.parse("STATIC").isStatic()).isTrue();
    assertThat(KeyTemplate.parse("S#{id}").isStatic()).isFalse();
    assertThat(KeyTemplate.parse("A#B#{id}#C").literalPrefix()).isEqualTo("A#B#");
    assertThat(KeyTemplate.parse("{id}#C").literalPrefix()).isEmpty();
    assertThat(KeyTemplate.parse("NOFIELDS").literalPrefix()).isEqualTo("NOFIELDS");
    for (String w : List.of("a", "z", "A", "Z", "0", "9", "_", "snake_case1")) {
      assertThat(KeyTemplate.isFieldName(w)).as(w).isTrue();
    }
    for (String w : List.of("", "@", "[", "`", "{", "/", ":", "a-b", "\u00e9")) {
      assertThat(KeyTemplate.isFieldName(w)).as(w).isFalse();
    }
  }
}
