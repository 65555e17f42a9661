package dev.ddbmodel.core.internal.checks;

import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.Severity;
import dev.ddbmodel.core.json.JsonDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings of one run of the data model checks, in the order the rules report them. A
 * finding with the same id, pointer and message as an earlier one is dropped; every finding is
 * located (line, column) in the document.
 */
final class Findings {
  private final JsonDocument doc;
  private final List<Diagnostic> out = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  Findings(JsonDocument doc) {
    this.doc = doc;
  }

  void error(String id, String ptr, String msg, String hint) {
    add(id, Severity.ERROR, ptr, msg, hint);
  }

  void warn(String id, String ptr, String msg, String hint) {
    add(id, Severity.WARNING, ptr, msg, hint);
  }

  /** How many findings were kept so far (a rule compares counts to learn whether it reported). */
  int count() {
    return out.size();
  }

  List<Diagnostic> list() {
    return List.copyOf(out);
  }

  private void add(String id, Severity s, String ptr, String msg, String hint) {
    if (seen.add(id + "\u0000" + ptr + "\u0000" + msg)) {
      out.add(new Diagnostic(id, s, msg, doc.locate(ptr), hint));
    }
  }
}
