package dev.ddbmodel.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's walkthrough, command by command, in-process. */
class ReadmeWalkthroughIT {
  @TempDir Path tmp;

  static final Path EXAMPLE = Path.of("../examples/models/ecommerce").toAbsolutePath().normalize();

  @Test
  void demoThenEachCommand() throws Exception {
    Path demo = tmp.resolve("demo");
    var d = CliTestSupport.run("demo", "--out", demo.toString());
    assertThat(d.exit()).as(d.out() + d.err()).isZero();
    assertThat(d.out()).contains("1/5").contains("5/5").contains("Demo completed.");
    assertThat(d.out()).contains("pattern 14: Pattern.ScanUsed (see the report)");
    assertThat(Files.readString(demo.resolve("model/dynamodb_model_validation.md"))).contains("Validation Report");
    assertThat(Files.readString(demo.resolve("model/dynamodb_data_model.md"))).contains("<!-- begin-cost-report -->");
    assertThat(Files.exists(demo.resolve("python-dal/dal/repositories.py"))).isTrue();
    assertThat(Files.exists(demo.resolve("java-dal/src/main/java/dal/OrderRepository.java"))).isTrue();
    assertThat(Files.exists(demo.resolve("cdk/lib/data-model-stack.ts"))).isTrue();

    var schema = CliTestSupport.run("schema", "validate", EXAMPLE.resolve("schema.json").toString(), "--usage-data", EXAMPLE.resolve("usage_data.json").toString());
    assertThat(schema.exit()).as(schema.out()).isZero();
    assertThat(schema.out()).contains("✅ Schema validation passed!");

    Path ws = Files.createDirectory(tmp.resolve("ws"));
    Files.copy(EXAMPLE.resolve("dynamodb_data_model.json"), ws.resolve("dynamodb_data_model.json"));
    var model = CliTestSupport.run("model", "validate", ws.toString(), "--format", "json");
    assertThat(model.exit()).isZero();

    var cost = CliTestSupport.run("cost", EXAMPLE.resolve("cost_input.json").toString(), "--workspace", ws.toString());
    assertThat(cost.exit()).isZero();
    assertThat(Files.readString(ws.resolve("dynamodb_data_model.md"))).contains("**Total Monthly Cost: $");

    var dal = CliTestSupport.run("generate", "dal", EXAMPLE.resolve("schema.json").toString(), "--language", "java", "--out", tmp.resolve("jdal").toString());
    assertThat(dal.exit()).as(dal.out()).isZero();
    var tsDal = CliTestSupport.run("generate", "dal", EXAMPLE.resolve("schema.json").toString(), "--language", "typescript", "--out", tmp.resolve("tsdal").toString());
    assertThat(tsDal.exit()).as(tsDal.out()).isZero();
    assertThat(Files.exists(tmp.resolve("tsdal/src/repositories.ts"))).isTrue();
    var res = CliTestSupport.run("generate", "resources", ws.resolve("dynamodb_data_model.json").toString(), "--type", "cloudformation");
    assertThat(res.exit()).as(res.out()).isZero();
    assertThat(Files.exists(ws.resolve("cloudformation/template.yaml"))).isTrue();

    var guide = CliTestSupport.run("guide", "data-modeling");
    assertThat(guide.out()).contains("dynamodb_requirement.md");
    var version = CliTestSupport.run("--version");
    assertThat(version.out()).contains("ddbm ");
    var completion = CliTestSupport.run("generate-completion");
    assertThat(completion.out()).contains("complete");
    var usage = CliTestSupport.run("model", "validate");
    assertThat(usage.exit()).isEqualTo(2);
  }
}
