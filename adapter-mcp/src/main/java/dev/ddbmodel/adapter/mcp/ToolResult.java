package dev.ddbmodel.adapter.mcp;

import dev.ddbmodel.core.Diagnostic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A tool's answer: text for the model to read, the same facts as structured content, and whether
 * it is an error the model should act on.
 */
public record ToolResult(String text, Map<String, Object> structured, boolean error) {
  public ToolResult {
    Objects.requireNonNull(text, "text");
    structured = structured == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(structured));
  }

  /** This result with the call's warnings in the text and as {@code warnings} in structured content. */
  public ToolResult withWarnings(List<String> warnings) {
    if (warnings.isEmpty()) {
      return this;
    }
    StringBuilder sb = new StringBuilder(text).append("\n\nWarnings:\n");
    warnings.forEach(w -> sb.append("- ").append(w).append('\n'));
    Map<String, Object> s = new LinkedHashMap<>(structured);
    s.put("warnings", List.copyOf(warnings));
    return new ToolResult(sb.toString(), s, error);
  }

  public static ToolResult ok(String text, Map<String, Object> structured) {
    return new ToolResult(text, structured, false);
  }

  public static ToolResult ok(String text) {
    return new ToolResult(text, Map.of("status", "success"), false);
  }

  public static ToolResult error(String text) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("status", "error");
    s.put("message", text);
    return new ToolResult(text, s, true);
  }

  /** An error listing diagnostics in text and as {@code diagnostics} in structured content. */
  public static ToolResult invalid(String headline, List<Diagnostic> diagnostics) {
    StringBuilder sb = new StringBuilder(headline).append('\n');
    for (Diagnostic d : diagnostics) {
      sb.append("- ").append(d.format()).append('\n');
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("status", "error");
    s.put("message", headline);
    s.put("diagnostics", diagnostics.stream().map(Diagnostic::toMap).toList());
    return new ToolResult(sb.toString(), s, true);
  }
}
