package dev.ddbmodel.examples.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import dev.ddbmodel.core.Validated;
import org.junit.jupiter.api.Test;

/** The fuzz oracle can fail: a finding without a position is caught (the old check was a tautology). */
class FuzzSupportTest {
  static Diagnostic at(String id, SourceLocation where) {
    return Diagnostic.error(id, "something is wrong", where, "fix it");
  }

  @Test
  void anErrorWithoutPointerOrLineIsNotLocated() {
    Diagnostic d = at("DataModel.Type", SourceLocation.of("m.json", ""));
    assertThat(FuzzSupport.locationProblem(d)).isEqualTo("neither a JSON Pointer nor a line");
    assertThatThrownBy(() -> FuzzSupport.assertLocated(Validated.invalid(d), "{}")).isInstanceOf(AssertionError.class)
        .hasMessageContaining("DataModel.Type");
  }

  @Test
  void fileNameMessageAndIdAreRequired() {
    assertThat(FuzzSupport.locationProblem(at("DataModel.Type", SourceLocation.of("", "/tables")))).isEqualTo("no file");
    assertThat(FuzzSupport.locationProblem(at("not an id", SourceLocation.of("m.json", "/tables")))).isEqualTo("malformed id");
    assertThat(FuzzSupport.locationProblem(Diagnostic.error("DataModel.Type", " ", SourceLocation.of("m.json", "/x"), ""))).isEqualTo("blank message");
  }

  @Test
  void locatedFindingsPass() {
    assertThat(FuzzSupport.locationProblem(at("DataModel.Type", SourceLocation.of("m.json", "/tables/0")))).isNull();
    assertThat(FuzzSupport.locationProblem(at("Json.Syntax", new SourceLocation("m.json", "", 3, 7)))).isNull();
    assertThat(FuzzSupport.locationProblem(at("Json.Empty", SourceLocation.of("m.json", "")))).isNull();
  }
}
