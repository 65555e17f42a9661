package dev.ddbmodel.analyzer.internal.workload;

import dev.ddbmodel.analyzer.ResultTable;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.SourceLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a client's output at the marker rows and reads each section as a table, whatever client
 * printed it: mysql (table borders or tab-separated batch), psql (aligned or unaligned), sqlcmd
 * and sqlplus (fixed-width columns under dashed underlines). NULL cells become null; a byte-order
 * mark, carriage returns, blank lines and row-count footers are ignored. What cannot be read is
 * reported, never silently dropped.
 */
public final class ResultParser {
  private static final Pattern BEGIN = Pattern.compile("DDBM_BEGIN ([A-Za-z0-9_]+)");
  private static final Pattern END = Pattern.compile("DDBM_END ([A-Za-z0-9_]+)");
  private static final Pattern FOOTER = Pattern.compile(
      "^ *(\\(\\d+ rows?\\)|\\(\\d+ rows? affected\\)|\\d+ rows? selected\\.?|no rows selected|Query OK[^\\t|]*|Empty set[^\\t|]*|\\d+ rows? in set[^\\t|]*|SET|Pager usage is off\\.|Session altered\\.) *$",
      Pattern.CASE_INSENSITIVE);

  private ResultParser() {}

  /** Id of what cannot be read in a results file (markers, rows); the location has the line where known. */
  public static final String ID = "Analyzer.ResultsFile";

  /** Parsed sections by query name, plus problems found ({@value #ID} errors). */
  public record Parsed(Map<String, ResultTable> tables, List<Diagnostic> problems) {
    public Parsed {
      problems = List.copyOf(problems);
    }
  }

  /** A problem of the results file at a 1-based line (0: no line, e.g. the NUL-separated form). */
  static Diagnostic problem(String message, int line) {
    return new Diagnostic(ID, dev.ddbmodel.core.Severity.ERROR, message, new SourceLocation("", "", line, 0),
        "run the generated SQL file unchanged and save the client's whole output", Diagnostic.Kind.INPUT);
  }

  public static Parsed parse(String output) {
    String text = output.startsWith("\uFEFF") ? output.substring(1) : output;
    if (text.indexOf('\0') >= 0) {
      return parseFields(text);
    }
    String[] lines = text.replace("\r", "").split("\n", -1);
    Map<String, ResultTable> tables = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    String current = null;
    int startLine = 0;
    List<String> body = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      Matcher b = BEGIN.matcher(line);
      Matcher e = END.matcher(line);
      if (b.find()) {
        if (current != null) {
          problems.add(problem("section `" + current + "` (line " + startLine + ") has no end marker; it ends where `" + b.group(1) + "` begins", startLine));
          tables.put(current, table(current, body, problems));
        }
        current = b.group(1);
        startLine = i + 1;
        body = new ArrayList<>();
      } else if (e.find()) {
        if (current == null || !current.equals(e.group(1))) {
          problems.add(problem("end marker for `" + e.group(1) + "` at line " + (i + 1) + " without its begin marker", i + 1));
          continue;
        }
        tables.put(current, table(current, body, problems));
        current = null;
      } else if (current != null) {
        body.add(line);
      }
    }
    if (current != null) {
      problems.add(problem("section `" + current + "` (line " + startLine + ") is cut off: no end marker before the end of the file", startLine));
      tables.put(current, table(current, body, problems));
    }
    if (tables.isEmpty()) {
      problems.add(problem("no DDBM_BEGIN/DDBM_END markers found: was the generated SQL file run unchanged, with its output saved?", 0));
    }
    return new Parsed(tables, problems);
  }

  /** psql's NUL-separated unaligned output (the PostgreSQL self-service file sets it): a stream of fields, NULL as U+0001. */
  static final String ROW = "DDBM_ROW";

  private static Parsed parseFields(String text) {
    String[] fields = text.split("\0", -1);
    Map<String, ResultTable> tables = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    String current = null;
    List<String> body = new ArrayList<>();
    for (int i = 0; i < fields.length; i++) {
      String f = fields[i];
      // a message the client wrote to the same file (stderr redirected) ends up in front of the next marker
      if ((f.equals("ddbm_marker") || f.endsWith("\nddbm_marker")) && i + 1 < fields.length) {
        String m = fields[i + 1];
        Matcher b = BEGIN.matcher(m);
        Matcher e = END.matcher(m);
        if (m.startsWith("DDBM_BEGIN ") && b.find()) {
          if (current != null) {
            problems.add(problem("section `" + current + "` has no end marker; it ends where `" + b.group(1) + "` begins", 0));
            tables.put(current, fieldTable(current, body, problems));
          }
          current = b.group(1);
          body = new ArrayList<>();
          i++;
          continue;
        }
        if (m.startsWith("DDBM_END ") && e.find()) {
          if (current == null || !current.equals(e.group(1))) {
            problems.add(problem("end marker for `" + e.group(1) + "` without its begin marker", 0));
          } else {
            tables.put(current, fieldTable(current, body, problems));
            current = null;
          }
          i++;
          continue;
        }
      }
      if (current != null) {
        body.add(f);
      }
    }
    if (current != null) {
      problems.add(problem("section `" + current + "` is cut off: no end marker before the end of the file", 0));
      tables.put(current, fieldTable(current, body, problems));
    }
    if (tables.isEmpty()) {
      problems.add(problem("no DDBM_BEGIN/DDBM_END markers found: was the generated SQL file run unchanged, with its output saved?", 0));
    }
    return new Parsed(tables, problems);
  }

  private static ResultTable fieldTable(String name, List<String> body, List<Diagnostic> problems) {
    int start = body.indexOf("ddbm_row");
    if (start < 0) {
      String said = String.join(" ", body).strip();
      return ResultTable.failed(name, "the query printed no result in the client" + (said.isEmpty() ? " (see the client's error output)" : ": "
          + said.lines().findFirst().orElse("")));
    }
    int width = 1;
    while (start + width < body.size() && !body.get(start + width).equals(ROW)) {
      width++;
    }
    // the header ends where the first row starts; without rows it is the rest of the section
    List<String> header = List.copyOf(body.subList(start + 1, start + width));
    List<List<String>> rows = new ArrayList<>();
    int i = start + width;
    while (i < body.size()) {
      if (!body.get(i).equals(ROW) || i + width > body.size()) {
        List<String> rest = body.subList(i, body.size());
        if (!(rest.size() == 1 && rest.get(0).isBlank())) {
          problems.add(problem("section `" + name + "`: " + rest.size() + " fields after row " + rows.size() + " do not form a row; ignored", 0));
        }
        break;
      }
      List<String> row = new ArrayList<>();
      for (String v : body.subList(i + 1, i + width)) {
        row.add(v.equals("\u0001") ? null : v);
      }
      rows.add(row);
      i += width;
    }
    return new ResultTable(name, header, rows, false, "");
  }

  private static boolean isBorder(String l) {
    return l.matches("^ *\\+[-+]+\\+ *$");
  }

  private static ResultTable table(String name, List<String> raw, List<Diagnostic> problems) {
    List<String> lines = new ArrayList<>();
    for (String l : raw) {
      // a tab keeps a line: in mysql --batch it is a row of empty strings
      if ((l.isBlank() && l.indexOf('\t') < 0) || FOOTER.matcher(l).matches() || l.toLowerCase(java.util.Locale.ROOT).contains("ddbm_marker")) {
        continue;
      }
      lines.add(l);
    }
    // drop the marker boxes' leftovers (a lone border right after BEGIN / before END)
    while (!lines.isEmpty() && isBorder(lines.get(0)) && (lines.size() == 1 || isBorder(lines.get(1)))) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && isBorder(lines.get(lines.size() - 1)) && (lines.size() == 1 || isBorder(lines.get(lines.size() - 2)))) {
      lines.remove(lines.size() - 1);
    }
    // the next marker's underline (psql, sqlcmd, sqlplus) ends up as the last line
    while (lines.size() > 2 && lines.get(lines.size() - 1).matches("^[-+ ]+$") && !isBorder(lines.get(lines.size() - 1))) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty() || !lines.get(0).contains("\t")) {
      lines.removeIf(String::isBlank);
    }
    if (lines.isEmpty()) {
      return new ResultTable(name, List.of(), List.of(), false, "");
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> header;
    if (lines.stream().anyMatch(ResultParser::isBorder) || lines.get(0).startsWith("|")) {
      List<List<String>> all = new ArrayList<>();
      String border = lines.stream().filter(ResultParser::isBorder).findFirst().orElse(null);
      for (String l : lines) {
        if (!isBorder(l) && l.strip().startsWith("|")) {
          // with a border the column edges are known, so a '|' inside a value stays in its cell
          all.add(border != null && l.length() == border.length() ? borderCells(l, border) : pipeCells(l.strip()));
        }
      }
      header = all.isEmpty() ? List.of() : all.get(0);
      rows.addAll(all.subList(Math.min(1, all.size()), all.size()));
    } else if (lines.size() > 1 && lines.get(1).matches("^-+(\\+-+)* *$")) {
      List<int[]> spans = spans(lines.get(1), '+');
      header = slice(lines.get(0), spans);
      for (String l : lines.subList(2, lines.size())) {
        rows.add(slice(l, spans));
      }
    } else if (lines.size() > 1 && lines.get(1).matches("^-+( +-+)* *$")) {
      List<int[]> spans = spans(lines.get(1), ' ');
      header = slice(lines.get(0), spans);
      for (String l : lines.subList(2, lines.size())) {
        if (l.matches("^-+( +-+)* *$")) {
          continue; // sqlplus repeats headers per page
        }
        if (slice(l, spans).equals(header)) {
          continue;
        }
        rows.add(slice(l, spans));
      }
    } else if (lines.get(0).contains("\t")) {
      // mysql --batch escapes tab, newline, backslash and NUL inside values
      header = java.util.Arrays.stream(lines.get(0).split("\t", -1)).map(ResultParser::unescape).toList();
      for (String l : lines.subList(1, lines.size())) {
        // batch mode prints NULL as NULL and an empty string as nothing: both kept apart, values unstripped
        List<String> row = new ArrayList<>();
        for (String v : l.split("\t", -1)) {
          row.add(v.equals("NULL") ? null : unescape(v));
        }
        rows.add(row);
      }
    } else {
      header = List.of(lines.get(0).split("\\|", -1));
      for (String l : lines.subList(1, lines.size())) {
        String[] parts = l.split("\\|", -1);
        if (parts.length > header.size()) {
          // a value contained '|': keep the extra pieces in the last column
          String[] merged = new String[header.size()];
          System.arraycopy(parts, 0, merged, 0, header.size() - 1);
          merged[header.size() - 1] = String.join("|", java.util.Arrays.copyOfRange(parts, header.size() - 1, parts.length));
          parts = merged;
        }
        rows.add(cells(parts));
      }
    }
    header = header.stream().map(h -> h == null ? "" : h.strip()).toList();
    List<List<String>> fixed = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      List<String> r = new ArrayList<>(rows.get(i));
      if (r.size() != header.size()) {
        problems.add(problem("section `" + name + "`: row " + (i + 1) + " has " + r.size() + " cells, the header " + header.size() + "; row padded/cut", 0));
        while (r.size() < header.size()) {
          r.add(null);
        }
        r = r.subList(0, header.size());
      }
      fixed.add(r);
    }
    return new ResultTable(name, header, fixed, false, "");
  }

  private static List<String> borderCells(String line, String border) {
    List<String> out = new ArrayList<>();
    int prev = border.indexOf('+');
    for (int i = prev + 1; i < border.length(); i++) {
      if (border.charAt(i) == '+') {
        String v = line.substring(prev + 1, i).strip();
        out.add(v.isEmpty() || v.equals("NULL") ? null : v);
        prev = i;
      }
    }
    return out;
  }

  private static String unescape(String v) {
    if (v.indexOf('\\') < 0) {
      return v;
    }
    StringBuilder sb = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      char n = i + 1 < v.length() ? v.charAt(i + 1) : 0;
      if (c == '\\' && (n == 't' || n == 'n' || n == '\\' || n == '0')) {
        sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == '0' ? '\0' : '\\');
        i++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static List<String> pipeCells(String l) {
    String inner = l.substring(1, l.length() > 1 && l.endsWith("|") ? l.length() - 1 : l.length());
    return cells(inner.split(" \\| ", -1));
  }

  private static List<String> cells(String[] parts) {
    List<String> out = new ArrayList<>();
    for (String p : parts) {
      String v = p.strip();
      out.add(v.isEmpty() || v.equals("NULL") || v.equals("(null)") ? null : v);
    }
    return out;
  }

  private static List<int[]> spans(String underline, char sep) {
    List<int[]> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= underline.length(); i++) {
      char c = i < underline.length() ? underline.charAt(i) : sep;
      if (c == '-' && start < 0) {
        start = i;
      } else if (c != '-' && start >= 0) {
        out.add(new int[] {start, i});
        start = -1;
      }
    }
    return out;
  }

  private static List<String> slice(String line, List<int[]> spans) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < spans.size(); k++) {
      int a = Math.min(spans.get(k)[0], line.length());
      int b = k == spans.size() - 1 ? line.length() : Math.min(spans.get(k + 1)[0], line.length());
      String v = line.substring(a, Math.max(a, b)).strip();
      if (v.endsWith("|")) {
        v = v.substring(0, v.length() - 1).strip();
      }
      out.add(v.isEmpty() || v.equals("NULL") || v.equals("(null)") ? null : v);
    }
    return out;
  }
}
