package dev.ddbmodel.validation.internal.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every step of a validation run is reported, in order, with a running count. */
class ProgressTest {
  @TempDir Path ws;

  @Test
  void reportsTablesItemsAndEveryPattern() throws Exception {
    Files.copy(Path.of("../examples/models/iot-telemetry/dynamodb_data_model.json"), ws.resolve("dynamodb_data_model.json"));
    List<String> steps = new ArrayList<>();
    var r = ModelValidation.run(new ModelValidationRequest(ws, Optional.empty(), false, false, false, Clock.systemUTC()),
        (done, total, step) -> steps.add(done + "/" + total + " " + step));
    assertThat(r.isValid()).isTrue();
    int patterns = r.unwrap().patterns().size();
    assertThat(steps).first().asString().startsWith("0/").contains(" create table ");
    assertThat(steps).filteredOn(s -> s.contains(" load ")).isNotEmpty();
    assertThat(steps).filteredOn(s -> s.contains(" pattern ")).hasSize(patterns);
    assertThat(steps).last().asString().matches("(\\d+)/\\1 done");
    for (int i = 0; i < steps.size(); i++) {
      assertThat(steps.get(i)).startsWith(i + "/");
    }
  }
}
