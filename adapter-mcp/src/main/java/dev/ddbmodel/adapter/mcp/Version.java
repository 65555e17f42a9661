package dev.ddbmodel.adapter.mcp;

/** The toolkit version, from the jar manifest when packaged. */
public final class Version {
  private Version() {}

  public static String current() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v == null ? "0.1.0-SNAPSHOT" : v;
  }
}
