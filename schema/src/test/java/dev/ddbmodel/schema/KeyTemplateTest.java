package dev.ddbmodel.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KeyTemplateTest {
  /** The regex the hand-written parser replaces, as the reference. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)(?::([^{}]*))?\\}");

  private static List<KeyTemplate.Part> byRegex(String text) {
    List<KeyTemplate.Part> parts = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        parts.add(new KeyTemplate.Part(text.substring(last, m.start()), null, null));
      }
      parts.add(new KeyTemplate.Part(null, m.group(1), m.group(2)));
      last = m.end();
    }
    if (last < text.length()) {
      parts.add(new KeyTemplate.Part(text.substring(last), null, null));
    }
    return parts;
  }

  @Test
  void splitsLiteralsAndPlaceholders() {
    KeyTemplate t = KeyTemplate.parse("ORDER#{date}#{score:05d}");
    assertThat(t.parts()).containsExactly(
        new KeyTemplate.Part("ORDER#", null, null),
        new KeyTemplate.Part(null, "date", null),
        new KeyTemplate.Part("#", null, null),
        new KeyTemplate.Part(null, "score", "05d"));
    assertThat(KeyTemplate.parse("{a:}").parts()).containsExactly(new KeyTemplate.Part(null, "a", ""));
  }

  @Test
  void agreesWithTheRegexOnRandomText() {
    char[] alphabet = {'{', '}', ':', 'a', 'Z', '_', '7', '#', ' ', '-', '\u00e9'};
    Random rnd = new Random(42);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(12);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet[rnd.nextInt(alphabet.length)]);
      }
      String s = sb.toString();
      assertThat(KeyTemplate.parse(s).parts()).as(s).isEqualTo(byRegex(s));
    }
  }
}
