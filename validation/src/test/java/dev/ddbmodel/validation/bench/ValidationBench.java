package dev.ddbmodel.validation.bench;

import dev.ddbmodel.core.AccessPatternSpec;
import dev.ddbmodel.core.DataModel;
import dev.ddbmodel.core.DataModelLoader;
import dev.ddbmodel.core.TableSpec;
import dev.ddbmodel.validation.ModelValidation;
import dev.ddbmodel.validation.ModelValidationRequest;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommand;
import dev.ddbmodel.validation.internal.awscli.AwsCliCommandParser;
import dev.ddbmodel.validation.internal.exec.CommandExecutor;
import dev.ddbmodel.validation.LocalDynamoDb;
import dev.ddbmodel.validation.internal.run.Provisioner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * End-to-end validation of the largest example versus the same operations issued directly via the SDK on one embedded
 * instance, versus DynamoDB Local as an HTTP server in this JVM and as a separate server process on loopback. Ratios
 * from one run.
 * Usage: ValidationBench [examples/models dir]
 */
public final class ValidationBench {
  private ValidationBench() {}

  public static void main(String[] args) throws Exception {
    Path models = Path.of(args.length > 0 ? args[0] : "examples/models");
    Path largest = null;
    long size = -1;
    try (var s = Files.list(models)) {
      for (Path d : s.toList()) {
        long n = Files.size(d.resolve("dynamodb_data_model.json"));
        if (n > size) {
          size = n;
          largest = d;
        }
      }
    }
    Path ws = Files.createTempDirectory("bench-ws");
    Files.copy(largest.resolve("dynamodb_data_model.json"), ws.resolve("dynamodb_data_model.json"));
    DataModel model = DataModelLoader.load(ws.resolve("dynamodb_data_model.json")).unwrap();
    List<AwsCliCommand> commands = new ArrayList<>();
    for (AccessPatternSpec ap : model.accessPatterns()) {
      ap.implementation().ifPresent(i -> commands.add(AwsCliCommandParser.parse(i).unwrap()));
    }
    int runs = 30;
    var embedded = new ModelValidationRequest(ws, Optional.empty(), false, false, false, Clock.systemUTC());
    for (int i = 0; i < 5; i++) {
      ModelValidation.run(embedded).unwrap();
      raw(model, commands);
    }
    // interleaved (a load burst hits both alike), order alternating, median of the runs
    double[] fullMs = new double[runs];
    double[] sdkMs = new double[runs];
    for (int i = 0; i < runs; i++) {
      for (int k = 0; k < 2; k++) {
        System.gc();
        boolean doFull = (i + k) % 2 == 0;
        long t0 = System.nanoTime();
        if (doFull) {
          ModelValidation.run(embedded).unwrap();
        } else {
          raw(model, commands);
        }
        (doFull ? fullMs : sdkMs)[i] = (System.nanoTime() - t0) / 1e6;
      }
    }
    double full = median(fullMs);
    double sdk = median(sdkMs);
    double server;
    try (LocalDynamoDb local = LocalDynamoDb.server()) {
      var req = new ModelValidationRequest(ws, local.endpoint(), true, false, false, Clock.systemUTC());
      ModelValidation.run(req).unwrap();
      server = medianOf(runs, () -> ModelValidation.run(req).unwrap());
    }
    double process;
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        LocalServerProcess.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      String ready = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)).readLine();
      if (ready == null || !ready.startsWith("ready ")) {
        throw new IllegalStateException("DynamoDB Local process did not start: " + ready);
      }
      var req = new ModelValidationRequest(ws, Optional.of(java.net.URI.create(ready.substring(6))), true, false, false, Clock.systemUTC());
      for (int i = 0; i < 3; i++) {
        ModelValidation.run(req).unwrap();
      }
      process = medianOf(runs, () -> ModelValidation.run(req).unwrap());
    } finally {
      p.getOutputStream().close();
      if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    System.out.printf(Locale.ROOT, "Model validation of %s (%d tables, %d patterns), median of %d runs (embedded rows interleaved)%n", largest.getFileName(), model.tables().size(),
        model.accessPatterns().size(), runs);
    System.out.printf(Locale.ROOT, "  same operations via the SDK, embedded:      %7.1f ms (1.00)%n", sdk);
    System.out.printf(Locale.ROOT, "  ddbm validate, embedded DynamoDB Local:     %7.1f ms (%.2fx; target < 1.5x)%n", full, full / sdk);
    System.out.printf(Locale.ROOT, "  ddbm validate, DynamoDB Local over HTTP:    %7.1f ms (%.2fx; server in this JVM)%n", server, server / sdk);
    System.out.printf(Locale.ROOT, "  ddbm validate, DynamoDB Local process:      %7.1f ms (%.2fx; separate JVM on loopback)%n", process, process / sdk);
  }

  static double medianOf(int runs, Runnable r) {
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      System.gc();
      long t0 = System.nanoTime();
      r.run();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    return median(ms);
  }

  static double median(double[] v) {
    double[] c = v.clone();
    java.util.Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
  }

  /** Fresh embedded instance, tables, items and the pattern calls through the SDK (what validation must do at least). */
  static void raw(DataModel model, List<AwsCliCommand> commands) {
    try (LocalDynamoDb local = LocalDynamoDb.embedded()) {
      DynamoDbClient c = local.client();
      Provisioner p = new Provisioner(c);
      for (TableSpec t : model.tables()) {
        c.createTable(Provisioner.createTableRequest(t));
      }
      model.items().forEach(p::load);
      CommandExecutor exec = new CommandExecutor(c);
      commands.forEach(exec::execute);
    }
  }
}
