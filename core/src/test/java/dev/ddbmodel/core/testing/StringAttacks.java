package dev.ddbmodel.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The attack catalogue: hostile strings every string input of every command and tool must refuse
 * or neutralise (SQL, shell, file names, generated code, terminals). One list for every module's
 * tests ({@code ddbmodel-core} test-jar, resource {@code /dev/ddbmodel/attacks/strings.json}).
 */
public final class StringAttacks {
  /** One hostile value and what it tries. */
  public record Attack(String name, String value) {
    @Override
    public String toString() {
      return name;
    }
  }

  private StringAttacks() {}

  /** Every attack of the catalogue, in file order. */
  public static List<Attack> all() {
    try (InputStream in = StringAttacks.class.getResourceAsStream("/dev/ddbmodel/attacks/strings.json")) {
      if (in == null) {
        throw new IllegalStateException("attack catalogue /dev/ddbmodel/attacks/strings.json not on the test classpath");
      }
      List<Attack> out = new ArrayList<>();
      for (JsonNode n : new ObjectMapper().readTree(in)) {
        out.add(new Attack(n.get("name").asText(), n.get("value").asText()));
      }
      return List.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
