package dev.ddbmodel.validation.bench;

import dev.ddbmodel.validation.LocalDynamoDb;

/**
 * DynamoDB Local as its own process for the benchmark: prints {@code ready <endpoint>} and serves
 * until standard input closes.
 */
public final class LocalServerProcess {
  private LocalServerProcess() {}

  public static void main(String[] args) throws Exception {
    try (LocalDynamoDb local = LocalDynamoDb.server()) {
      System.out.println("ready " + local.endpoint().orElseThrow());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for EOF
      }
    }
  }
}
