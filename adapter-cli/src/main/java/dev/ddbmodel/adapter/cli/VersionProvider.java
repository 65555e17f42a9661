package dev.ddbmodel.adapter.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code ddbm --version}. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "ddbm " + dev.ddbmodel.adapter.mcp.Version.current(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
      "DynamoDB Local 3.3.1 (embedded)"
    };
  }
}
