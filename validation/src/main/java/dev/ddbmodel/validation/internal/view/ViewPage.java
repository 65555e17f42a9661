package dev.ddbmodel.validation.internal.view;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbmodel.core.IndexSpec;
import dev.ddbmodel.core.TableSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the page: one self-contained HTML document (inline CSS and script, a Content Security
 * Policy that forbids every fetch). Every string that comes from the workspace goes through
 * {@link #h}; the script reads only ids the page generated ({@code i12}, {@code p3}) and sets text
 * with {@code textContent}, so model content never becomes markup or code.
 */
public final class ViewPage {
  /** Marks a file as written by this page writer (so it may be replaced by the next run). */
  public static final String GENERATOR = "ddbm model view";

  static final int PALETTE = 10;
  private static final int VALUE_BUDGET = 60;

  private final ViewData d;
  private final String title;
  private final List<String> sources;
  private final StringBuilder out = new StringBuilder(1 << 16);

  public ViewPage(ViewData d, String title, List<String> sources) {
    this.d = d;
    this.title = title;
    this.sources = List.copyOf(sources);
  }

  public String render() {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n");
    out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.append("<meta name=\"generator\" content=\"").append(GENERATOR).append("\">\n");
    out.append("<title>").append(h(title)).append(" — DynamoDB model</title>\n<style>\n").append(resource("view.css")).append("</style>\n</head>\n<body>\n");
    out.append("<a class=\"skip\" href=\"#main\">Skip to the tables</a>\n");
    header();
    out.append("<div class=\"layout\">\n");
    patterns();
    out.append("<main id=\"main\" tabindex=\"-1\">\n");
    legend();
    warnings(d.globalWarnings, "Warnings about the whole model");
    for (Map.Entry<String, List<ViewData.View>> e : d.views.entrySet()) {
      table(e.getValue());
    }
    footer();
    out.append("</main>\n</div>\n<p id=\"status\" class=\"sr\" role=\"status\" aria-live=\"polite\"></p>\n");
    out.append("<script>\n").append(resource("view.js")).append("</script>\n</body>\n</html>\n");
    return out.toString();
  }

  // ------------------------------------------------------------------ header, legend, footer

  private void header() {
    int indexes = 0;
    for (List<ViewData.View> vs : d.views.values()) {
      indexes += vs.size() - 1;
    }
    out.append("<header class=\"top\">\n<h1>").append(h(title)).append("</h1>\n<p class=\"summary\">");
    out.append(count(d.views.size(), "table")).append(" · ").append(count(indexes, "index", "indexes")).append(" · ")
        .append(count(d.items.size(), "sample item")).append(" · ").append(count(d.patterns.size(), "access pattern"));
    out.append("</p>\n<p class=\"summary\">");
    if (d.report.isPresent()) {
      JsonNode s = d.report.get().path("summary");
      String status = s.path("status").asText("?");
      out.append("Last validation <time>").append(h(d.report.get().path("validated_at").asText(""))).append("</time>: <strong class=\"st-")
          .append(cssWord(status)).append("\">").append(h(status.replace('_', ' '))).append("</strong> (")
          .append(s.path("succeeded").asInt()).append(" ok, ").append(s.path("succeeded_empty").asInt()).append(" empty, ")
          .append(s.path("constraint_failures").asInt()).append(" refused by a condition, ").append(s.path("failed").asInt()).append(" failed)");
    } else {
      out.append("Not validated yet: run <code>ddbm model validate</code> on the workspace to see each pattern's verdict and consumed capacity.");
    }
    out.append(" · ");
    if (d.cost.isPresent()) {
      out.append("Estimated cost <strong>").append(h(d.cost.get().total())).append(" per month</strong> (last cost report)");
    } else {
      out.append("No cost report: <code>ddbm cost ... --workspace</code> adds monthly costs per pattern.");
    }
    out.append("</p>\n</header>\n");
  }

  private void legend() {
    out.append("<section class=\"legend\" aria-labelledby=\"legend-h\">\n<h2 id=\"legend-h\">Entity types</h2>\n<ul>\n");
    int i = 0;
    for (Map.Entry<String, Integer> e : d.entities.entrySet()) {
      out.append("<li class=\"e").append(i++ % PALETTE).append("\"><span class=\"sw\" aria-hidden=\"true\"></span>").append(h(e.getKey()))
          .append(" <span class=\"cnt\">").append(count(e.getValue(), "item")).append("</span></li>\n");
    }
    out.append("</ul>\n<ul class=\"marks\"><li><span class=\"sw read\" aria-hidden=\"true\"></span>read by the selected pattern</li>"
        + "<li><span class=\"sw write\" aria-hidden=\"true\"></span>written by the selected pattern</li></ul>\n</section>\n");
  }

  private void footer() {
    out.append("<footer><p>Made by <code>ddbm model view</code> from ");
    for (int i = 0; i < sources.size(); i++) {
      out.append(i == 0 ? "" : i == sources.size() - 1 ? " and " : ", ").append("<code>").append(h(sources.get(i))).append("</code>");
    }
    out.append(". Item collections are ordered by partition key for reading; DynamoDB stores partitions by hash."
        + " Within a collection, items are in sort key order (strings and binaries by their bytes, numbers by value).</p></footer>\n");
  }

  // ------------------------------------------------------------------ access patterns

  private void patterns() {
    out.append("<nav class=\"patterns\" aria-labelledby=\"patterns-h\">\n<h2 id=\"patterns-h\">Access patterns</h2>\n");
    if (d.patterns.isEmpty()) {
      out.append("<p class=\"hint\">The model has no access patterns yet. Add one <code>aws dynamodb</code> command per pattern to"
          + " <code>access_patterns</code> (see <code>ddbm guide data-model-json</code>), then run this again.</p>\n</nav>\n");
      return;
    }
    out.append("<p class=\"hint\">Select a pattern to highlight the items it reads and writes (Tab or ↑ ↓ to move, Enter to select, Esc to clear).</p>\n<ol class=\"plist\">\n");
    for (ViewData.Pattern p : d.patterns) {
      String verdict = p.report().map(r -> r.path("verdict").asText("")).orElse("");
      long warn = p.findings().stream().filter(f -> !f.severity().equals("note")).count();
      out.append("<li>\n<button type=\"button\" class=\"pat\" id=\"b-").append(p.domId()).append("\" aria-expanded=\"false\" aria-controls=\"detail-")
          .append(p.domId()).append("\" data-reads=\"").append(String.join(" ", p.reads())).append("\" data-writes=\"")
          .append(String.join(" ", p.writes())).append("\" data-view=\"").append(p.viewDomId().orElse("")).append("\" data-label=\"Pattern ")
          .append(h(p.spec().pattern())).append("\">");
      out.append("<span class=\"pid\">").append(h(p.spec().pattern())).append("</span><span class=\"pdesc\">").append(h(p.spec().description()))
          .append("</span><span class=\"pmeta\">").append(h(operation(p))).append(p.spec().table().map(t -> " · " + h(t)).orElse(""))
          .append(p.spec().index().map(i -> " · " + h(i)).orElse("")).append("</span><span class=\"badges\">");
      if (!verdict.isEmpty()) {
        out.append("<span class=\"badge v-").append(cssWord(verdict)).append("\">").append(h(verdictText(verdict))).append("</span>");
      }
      p.monthlyCost().ifPresent(c -> out.append("<span class=\"badge cost\">$").append(c.setScale(2, RoundingMode.HALF_EVEN).toPlainString()).append("/mo</span>"));
      if (warn > 0) {
        out.append("<span class=\"badge warn\">").append(warn).append(warn == 1 ? " warning" : " warnings").append("</span>");
      }
      out.append("<span class=\"badge touch\">").append(p.reads().size()).append(" read · ").append(p.writes().size()).append(" written")
          .append(p.absent() > 0 ? " · " + p.absent() + " not in the samples" : "").append("</span>");
      out.append("</span></button>\n");
      detail(p);
      out.append("</li>\n");
    }
    out.append("</ol>\n</nav>\n");
  }

  private static String operation(ViewData.Pattern p) {
    return p.spec().operation().orElse(p.spec().isExternal() ? "external" : "?");
  }

  private void detail(ViewData.Pattern p) {
    out.append("<div class=\"detail\" id=\"detail-").append(p.domId()).append("\" hidden>\n<dl>\n");
    dt("Operation", h(operation(p)) + p.spec().table().map(t -> " on <code>" + h(t) + "</code>").orElse("")
        + p.spec().index().map(i -> ", index <code>" + h(i) + "</code>").orElse(""));
    if (p.spec().isExternal()) {
      dt("Served by", h(p.spec().reason().orElse("")));
    }
    if (p.report().isPresent()) {
      JsonNode r = p.report().get();
      JsonNode resp = r.path("response");
      String v = r.path("verdict").asText("");
      StringBuilder vs = new StringBuilder("<span class=\"badge v-" + cssWord(v) + "\">" + h(verdictText(v)) + "</span>");
      if (r.has("item_count")) {
        vs.append(" ").append(r.path("item_count").asInt()).append(resp.path("status").asText().equals("success") ? " item(s)" : "");
      }
      if (resp.has("error_code") && !resp.path("error_code").asText().isEmpty()) {
        vs.append(" <code>").append(h(resp.path("error_code").asText())).append("</code>: ").append(h(resp.path("message").asText()));
      }
      dt("Last validation", vs.toString());
      if (resp.has("consumed_capacity_units")) {
        dt("Consumed capacity", h(units(resp.path("consumed_capacity_units").asDouble())) + (read(operation(p)) ? " RCU" : " WCU")
            + " <span class=\"muted\">(one call on DynamoDB Local)</span>");
      }
    } else {
      dt("Last validation", "<span class=\"muted\">not in a validation report yet</span>");
    }
    dt("Monthly cost", p.monthlyCost().map(c -> "$" + c.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " <span class=\"muted\">(last cost report)</span>")
        .orElse("<span class=\"muted\">no cost report for this pattern</span>"));
    dt("Items", p.reads().size() + " read, " + p.writes().size() + " written (highlighted)");
    out.append("</dl>\n");
    p.spec().implementation().ifPresent(c -> out.append("<pre class=\"cmd\"><code>").append(h(c)).append("</code></pre>\n"));
    for (String n : p.notes()) {
      out.append("<p class=\"note\">").append(h(n)).append("</p>\n");
    }
    if (!p.findings().isEmpty()) {
      out.append("<ul class=\"findings\">\n");
      for (ViewData.Note f : p.findings()) {
        finding(f);
      }
      out.append("</ul>\n");
    }
    out.append("</div>\n");
  }

  private static boolean read(String op) {
    return List.of("GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems").contains(op);
  }

  private static String units(double u) {
    return u == Math.rint(u) ? Long.toString((long) u) : String.format(Locale.ROOT, "%.1f", u);
  }

  private void dt(String term, String html) {
    out.append("<div><dt>").append(term).append("</dt><dd>").append(html).append("</dd></div>\n");
  }

  private void finding(ViewData.Note f) {
    out.append("<li class=\"f-").append(cssWord(f.severity())).append("\"><span class=\"fsev\">").append(h(f.severity())).append("</span> ")
        .append(h(f.message()));
    if (!f.hint().isEmpty()) {
      out.append(" <span class=\"fhint\">— ").append(h(f.hint())).append("</span>");
    }
    out.append(" <code class=\"fid\">").append(h(f.id())).append("</code></li>\n");
  }

  private void warnings(List<ViewData.Note> ws, String label) {
    if (ws.isEmpty()) {
      return;
    }
    out.append("<section class=\"warnings\" aria-label=\"").append(h(label)).append("\">\n<ul class=\"findings\">\n");
    ws.forEach(this::finding);
    out.append("</ul>\n</section>\n");
  }

  // ------------------------------------------------------------------ tables and indexes

  private void table(List<ViewData.View> vs) {
    TableSpec t = vs.get(0).table();
    String id = vs.get(0).domId().replace("-v0", "");
    out.append("<section class=\"table\" id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-h\">\n<h2 id=\"").append(id)
        .append("-h\">Table <span class=\"tname\">").append(h(t.name())).append("</span></h2>\n<p class=\"meta\">");
    out.append("partition key <code>").append(h(t.partitionKey())).append("</code> ").append(type(t, t.partitionKey()));
    t.sortKey().ifPresent(s -> out.append(" · sort key <code>").append(h(s)).append("</code> ").append(type(t, s)));
    out.append(" · ").append(h(t.billingMode()));
    t.timeToLive().ifPresent(ttl -> out.append(" · TTL on <code>").append(h(ttl.attributeName())).append("</code>"));
    out.append("</p>\n");
    for (ViewData.View v : vs) {
      view(v);
    }
    out.append("</section>\n");
  }

  private static String type(TableSpec t, String attr) {
    return t.attributeType(attr).map(x -> "<span class=\"type\">" + x.name() + "</span>").orElse("");
  }

  private void view(ViewData.View v) {
    TableSpec t = v.table();
    out.append("<section class=\"view").append(v.index().isPresent() ? " index" : "").append("\" id=\"").append(v.domId()).append("\" aria-labelledby=\"")
        .append(v.domId()).append("-h\">\n<h3 id=\"").append(v.domId()).append("-h\">").append(h(v.title()));
    if (v.index().isPresent()) {
      IndexSpec ix = v.index().get();
      out.append(" <span class=\"meta\">").append(h(ix.projection().type().name())).append(" projection");
      if (!ix.projection().nonKeyAttributes().isEmpty()) {
        out.append(" of ").append(h(String.join(", ", ix.projection().nonKeyAttributes())));
      }
      out.append(" · ").append(v.entries()).append(" of ").append(count(d.items.stream().filter(i -> i.table() == t).count(), "item"))
          .append(v.entries() < d.items.stream().filter(i -> i.table() == t).count() ? " (sparse)" : "").append("</span>");
    } else {
      out.append(" <span class=\"meta\">").append(count(v.entries(), "item")).append(" in ").append(count(v.collections().size(), "item collection")).append("</span>");
    }
    out.append("</h3>\n");
    warnings(v.warnings(), "Warnings about " + v.title());
    if (v.entries() == 0) {
      out.append("<p class=\"empty\">No sample item ").append(v.index().isPresent() ? "has this index's key attributes." : "in this table.").append("</p>\n</section>\n");
      return;
    }
    boolean hasSort = !v.sortKey().isEmpty();
    out.append("<table class=\"items\">\n<thead><tr><th scope=\"col\" class=\"pkh\">").append(keyHeader("partition key", v.partitionKey())).append("</th>");
    if (hasSort) {
      out.append("<th scope=\"col\" class=\"skh\">").append(keyHeader("sort key", v.sortKey())).append("</th>");
    }
    out.append("<th scope=\"col\">attributes</th></tr></thead>\n");
    Optional<Set<String>> projected = v.projected();
    Set<String> keyAttrs = new LinkedHashSet<>(t.keyAttributes());
    t.indexes().forEach(ix -> keyAttrs.addAll(ix.keyAttributes()));
    int entityIndex;
    List<String> entityNames = new ArrayList<>(d.entities.keySet());
    for (ViewData.Collection c : v.collections()) {
      out.append("<tbody class=\"collection\">\n");
      boolean first = true;
      for (ViewData.Item i : c.items()) {
        entityIndex = entityNames.indexOf(i.entity()) % PALETTE;
        out.append("<tr class=\"item e").append(entityIndex).append("\" data-item=\"").append(i.id()).append("\">");
        if (first) {
          out.append("<th scope=\"rowgroup\" class=\"pk\" rowspan=\"").append(c.items().size()).append("\">");
          for (int k = 0; k < c.partition().size(); k++) {
            out.append(k == 0 ? "" : "<span class=\"sep\"> · </span>").append(value(c.partition().get(k)));
          }
          out.append("<span class=\"cnt\">").append(count(c.items().size(), "item")).append("</span></th>");
          first = false;
        }
        if (hasSort) {
          out.append("<td class=\"sk\">");
          for (int k = 0; k < v.sortKey().size(); k++) {
            out.append(k == 0 ? "" : "<span class=\"sep\"> · </span>").append(value(i.attributes().get(v.sortKey().get(k))));
          }
          out.append("</td>");
        }
        out.append("<td class=\"attrs\"><span class=\"ent\">").append(h(i.entity())).append("</span>");
        List<String> shown = new ArrayList<>(v.partitionKey());
        shown.addAll(v.sortKey());
        List<String> keys = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        i.attributes().fieldNames().forEachRemaining(n -> {
          if (shown.contains(n) || projected.isPresent() && !projected.get().contains(n)) {
            return;
          }
          (keyAttrs.contains(n) ? keys : rest).add(n);
        });
        for (String n : keys) {
          attr(n, i.attributes().get(n), true);
        }
        for (String n : rest) {
          attr(n, i.attributes().get(n), false);
        }
        out.append("</td></tr>\n");
      }
      out.append("</tbody>\n");
    }
    out.append("</table>\n</section>\n");
  }

  private static String keyHeader(String role, List<String> attrs) {
    StringBuilder sb = new StringBuilder(role).append(' ');
    for (int k = 0; k < attrs.size(); k++) {
      sb.append(k == 0 ? "" : " + ").append("<code>").append(h(attrs.get(k))).append("</code>");
    }
    return sb.toString();
  }

  private void attr(String name, JsonNode v, boolean key) {
    out.append(" <span class=\"a").append(key ? " key" : "").append("\"><span class=\"n\">").append(h(name)).append("</span>")
        .append("<span class=\"type\">").append(h(AttributeValues.type(v).orElse("?"))).append("</span>").append(value(v)).append("</span>");
  }

  private static String value(JsonNode v) {
    String shortText = AttributeValues.display(v, VALUE_BUDGET);
    String full = AttributeValues.full(v);
    return "<span class=\"v\"" + (full.equals(shortText) ? "" : " title=\"" + h(full.length() > 2000 ? full.substring(0, 2000) + "…" : full) + "\"")
        + ">" + h(shortText) + "</span>";
  }

  // ------------------------------------------------------------------ helpers

  private static String verdictText(String verdict) {
    return switch (verdict) {
      case "success" -> "success";
      case "success_empty" -> "empty result";
      case "constraint_failure" -> "refused by condition";
      case "failure" -> "failed";
      case "invalid_command" -> "invalid command";
      case "skipped_external" -> "external";
      default -> verdict.replace('_', ' ');
    };
  }

  private static String count(long n, String one) {
    return count(n, one, one + "s");
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** A class-name-safe word: only letters, digits and '-' survive. */
  static String cssWord(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
  }

  /**
   * Escapes text for HTML content and attribute values: {@code & < > " '}; control characters
   * (which HTML forbids or renders invisibly) become U+FFFD.
   */
  static String h(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c < 0x20 && c != '\n' && c != '\t' || c == 0x7f ? '\uFFFD' : c);
      }
    }
    return sb.toString();
  }

  private static String resource(String name) {
    try (InputStream in = ViewPage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
