package dev.ddbmodel.schema.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written template scans agree with the regexes they replace. */
class SchemaRulesScanTest {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)\\}");
  private static final Pattern WORD = Pattern.compile("\\w+");

  @Test
  void placeholdersAndWordsAgreeWithTheRegexes() {
    char[] alphabet = {'{', '}', ':', 'a', 'Z', '_', '7', '#', ' ', '-', '\u00e9'};
    Random rnd = new Random(7);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = rnd.nextInt(12);
      for (int i = 0; i < len; i++) {
        sb.append(alphabet[rnd.nextInt(alphabet.length)]);
      }
      String s = sb.toString();
      List<String> expected = new ArrayList<>();
      Matcher m = PLACEHOLDER.matcher(s);
      while (m.find()) {
        expected.add(m.group(1));
      }
      assertThat(TemplateRules.placeholders(s)).as(s).isEqualTo(expected);
      assertThat(TemplateRules.isWord(s)).as(s).isEqualTo(WORD.matcher(s).matches());
    }
  }
}
