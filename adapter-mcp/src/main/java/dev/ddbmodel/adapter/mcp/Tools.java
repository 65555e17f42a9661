package dev.ddbmodel.adapter.mcp;

import java.util.List;

/** Every tool the server offers, in the order clients list them. */
public final class Tools {
  private Tools() {}

  public static List<ToolBinding> all() {
    return List.of();
  }
}
