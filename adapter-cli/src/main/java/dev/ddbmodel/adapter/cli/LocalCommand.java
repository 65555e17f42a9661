package dev.ddbmodel.adapter.cli;

import dev.ddbmodel.validation.LocalDynamoDb;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ddbm local}: DynamoDB Local (in memory) on a loopback port until interrupted. */
@Command(name = "local", description = "Run DynamoDB Local in memory on 127.0.0.1 (for generated code, the AWS CLI, NoSQL Workbench) until Ctrl-C.")
final class LocalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "8000", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    LocalDynamoDb local = LocalDynamoDb.server(port);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      local.close();
      done.countDown();
    }));
    spec.commandLine().getOut().println("DynamoDB Local listening on " + local.endpoint().orElseThrow() + " (in memory; Ctrl-C stops it)");
    spec.commandLine().getOut().flush();
    done.await();
    return ExitCodes.OK;
  }
}
