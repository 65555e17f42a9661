package dev.ddbmodel.codegen.internal.infra;

import dev.ddbmodel.codegen.InfraGenerator;
import dev.ddbmodel.codegen.InfraRequest;
import dev.ddbmodel.codegen.InfraResult;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every generated CloudFormation template passes cfn-lint (the machine's Python package, the
 * oracle for our CloudFormation): the four example models and the model with every CreateTable
 * setting and auto scaling, JSON and YAML, in one cfn-lint process.
 */
class CfnLintIT {
  /** The model with every table setting (core's accepted fixtures). */
  static final Path EVERY_SETTING = Path.of("../core/src/test/resources/dev/ddbmodel/core/model/accepted/every_setting.json");

  @TempDir Path tmp;

  @Test
  void everyGeneratedTemplateIsLintClean() throws Exception {
    List<Path> models = new ArrayList<>();
    for (String name : List.of("ecommerce", "iot-telemetry", "social", "saas-multitenant")) {
      models.add(InfraGeneratorTest.model(name));
    }
    models.add(EVERY_SETTING);
    List<String> cmd = new ArrayList<>(List.of("cfn-lint", "--format", "parseable", "--"));
    for (int i = 0; i < models.size(); i++) {
      Path dir = tmp.resolve("m" + i);
      Files.createDirectories(dir);
      Path copy = dir.resolve("dynamodb_data_model.json");
      Files.copy(models.get(i), copy);
      InfraResult r = InfraGenerator.generate(InfraRequest.of(copy, InfraRequest.Type.CLOUDFORMATION)).unwrap();
      cmd.add(r.outputDir().resolve("template.json").toString());
      cmd.add(r.outputDir().resolve("template.yaml").toString());
    }
    assertThat(lint(cmd)).isEmpty();
  }

  /** Runs cfn-lint; returns its findings (empty when clean). */
  static String lint(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out.strip();
  }
}
