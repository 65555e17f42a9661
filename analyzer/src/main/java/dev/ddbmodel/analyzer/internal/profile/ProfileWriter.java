package dev.ddbmodel.analyzer.internal.profile;

import dev.ddbmodel.analyzer.internal.profile.ProfileResult.HeavyValue;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.KeySkew;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Relationship;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.TableProfile;
import dev.ddbmodel.analyzer.internal.profile.ProfileResult.Workload;
import dev.ddbmodel.core.Diagnostic;
import dev.ddbmodel.core.internal.guide.DynamoDbLimits;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a {@link ProfileResult} as {@code profile.md}: tables a person reads, limits stated first. */
public final class ProfileWriter {
  private ProfileWriter() {}

  public static String render(ProfileResult r) {
    return render(r, "");
  }

  /**
   * profile.md with {@code workload} (markdown sections from the query statistics: tables queried
   * together, top patterns per table) after the profile's own workload table. No timing: the same
   * measurements give the same bytes.
   */
  public static String render(ProfileResult r, String workload) {
    StringBuilder b = new StringBuilder();
    ProfileRequest l = r.limits();
    b.append("# Data profile\n\n");
    b.append("Engine: ").append(r.engine()).append(", schema ").append(cell(r.schema())).append(". ")
        .append(r.statements()).append(" SELECT statements.\n\n");
    b.append("## How it was measured\n\n");
    b.append("- Read-only: a read-only transaction, SELECT statements only.\n");
    b.append(f("- Statement timeout %d s; budget %d s for the whole run; at most %d tables (largest first).\n", l.statementTimeout().toSeconds(),
        l.budget().toSeconds(), l.maxTables()));
    b.append(f("- Tables with up to %,d rows are measured exactly; larger ones are sampled at random (PostgreSQL TABLESAMPLE BERNOULLI, "
        + "MySQL/MariaDB RAND()) with a fraction sized for about %,d parents per foreign key, %,d rows per key column and size query, "
        + "%,d rows per table for item sizes (a sample stops at %d times that when the row estimate was low).\n", l.exactRowLimit(),
        l.sampleParents(), l.sampleRows(), l.itemSampleRows(), Profiler.SAFETY));
    b.append(f("- Cardinality: 1:1 when no parent has more than 1 child, 1:few up to %d, 1:many up to %,d, 1:huge above "
        + "(by the largest number of children one parent has).\n", Profiler.FEW, Profiler.MANY));
    b.append(f("- Hot keys: a value is hot when its share of the rows times the table's request rate exceeds one partition's %,d RCU or %,d WCU per second "
        + "(strongly consistent reads, the average item size rounded up to 4 KB read / 1 KB write units).", DynamoDbLimits.PARTITION_RCU,
        DynamoDbLimits.PARTITION_WCU));
    b.append(l.assumedReadsPerSecond() > 0 || l.assumedWritesPerSecond() > 0
        ? f(" Rates assumed: %.0f reads/s, %.0f writes/s per table.\n", l.assumedReadsPerSecond(), l.assumedWritesPerSecond())
        : " Rates observed from the engine's statistics.\n");
    b.append("- Item size: every non-null column as one attribute (numbers N, booleans BOOL, binary B, everything else S), DynamoDB's size rules.\n\n");

    b.append("## Relationships\n\n");
    if (r.relationships().isEmpty()) {
      b.append("No foreign key was measured.\n\n");
    } else {
      b.append("| child → parent | parents | measured | min | median | p99 | max | mean | none | cardinality |\n|---|---|---|---|---|---|---|---|---|---|\n");
      for (Relationship x : r.relationships()) {
        b.append("| ").append(cell(x.child() + "(" + String.join(", ", x.childColumns()) + ") → " + x.parent() + "(" + String.join(", ", x.parentColumns()) + ")"))
            .append(f(" | %,d | %,d%s | %d | %d | %d | %s%,d | %.2f | %.1f%% | %s |\n", x.parents(), x.measured(), x.sampled() ? " (sample)" : "", x.min(),
                x.median(), x.p99(), x.maxSource() == null ? "" : "~", x.max(), x.mean(), x.noneShare() * 100, x.cardinality().label()));
      }
      for (Relationship x : r.relationships()) {
        if (x.maxSource() != null) {
          b.append("\n~ ").append(cell(x.child() + " → " + x.parent())).append(": maximum estimated, ").append(cell(x.maxSource())).append(".\n");
        }
      }
      b.append('\n');
    }

    b.append("## Key candidates and skew\n\n");
    if (r.keys().isEmpty()) {
      b.append("No key column was measured.\n\n");
    } else {
      b.append("| column | role | distinct | heaviest values (share of rows; table reads/s at which the value alone fills a partition) | source |\n|---|---|---|---|---|\n");
      for (KeySkew k : r.keys()) {
        String heavy = k.heaviest().isEmpty() ? "no value more common than the rest"
            : k.heaviest().stream().map(ProfileWriter::heavy).collect(Collectors.joining("; "));
        b.append("| ").append(cell(k.table() + "." + k.column())).append(" | ").append(k.role()).append(" | ")
            .append(f("%s%,d", k.distinctEstimated() ? "~" : "", k.distinct())).append(" | ").append(heavy).append(" | ").append(cell(k.source())).append(" |\n");
      }
      b.append('\n');
    }

    b.append("## Sizes\n\n| table | rows | avg row bytes | max row bytes | avg item bytes | max item bytes | items sampled | row size method |\n|---|---|---|---|---|---|---|---|\n");
    for (TableProfile t : r.tables()) {
      b.append("| ").append(cell(t.name())).append(f(" | %s%,d | %s | %s | %s | %s | %d | ", t.rowsEstimated() ? "~" : "", t.rows(), num(t.avgRowBytes()),
          t.maxRowBytes() == null ? "-" : f("%,d", t.maxRowBytes()), num(t.avgItemBytes()), t.maxItemBytes() == null ? "-" : f("%,d", t.maxItemBytes()),
          t.itemSample())).append(cell(t.rowSizeMethod())).append(" |\n");
    }
    b.append('\n');

    b.append("## Workload\n\n");
    if (r.tables().stream().allMatch(t -> t.workload() == null)) {
      b.append("The engine's statistics gave no per-table counts (PostgreSQL pg_stat_user_tables, MySQL/MariaDB performance_schema).\n\n");
    } else {
      b.append("| table | reads | writes | reads/s | writes/s | reads per write | window | what is counted |\n|---|---|---|---|---|---|---|---|\n");
      for (TableProfile t : r.tables()) {
        Workload w = t.workload();
        if (w == null) {
          continue;
        }
        b.append("| ").append(cell(t.name())).append(f(" | %,d | %,d | %.2f | %.2f | %s | %.0f s | ", w.reads(), w.writes(), w.readsPerSecond(), w.writesPerSecond(),
            Double.isInfinite(w.ratio()) ? "no writes" : f("%.1f", w.ratio()), w.seconds())).append(cell(w.readsUnit() + "; " + w.writesUnit())).append(" |\n");
      }
      b.append('\n');
    }
    b.append(workload.replace("\n## ", "\n### ").replaceFirst("^## ", "### "));

    if (!r.skipped().isEmpty()) {
      b.append("## Not profiled\n\n");
      r.skipped().forEach(s -> b.append("- ").append(cell(s)).append('\n'));
      b.append('\n');
    }
    if (!r.diagnostics().isEmpty()) {
      b.append("## Warnings\n\n");
      for (Diagnostic d : r.diagnostics()) {
        b.append("- `").append(d.id()).append("` ").append(cell(d.message())).append('\n');
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String heavy(HeavyValue h) {
    return f("%s %.1f%% (%s/s)%s", cell(shorten(h.value(), 40)), h.share() * 100,
        Double.isInfinite(h.saturatesAtReadsPerSecond()) ? "∞" : f("%,.0f", h.saturatesAtReadsPerSecond()), h.hot() ? " **HOT**" : "");
  }

  private static String num(Double d) {
    return d == null ? "-" : f("%,.1f", d);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  /** A value shortened to {@code max} code points with an ellipsis. */
  static String shorten(String s, int max) {
    if (s == null) {
      return "NULL";
    }
    return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max)) + "…";
  }

  /** Text from the database made safe in a markdown table cell: no line breaks, pipes, backticks or HTML. */
  static String cell(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    s.codePoints().forEach(cp -> {
      if (cp == '|' || cp == '\\' || cp == '`' || cp == '*' || cp == '_' || cp == '[' || cp == ']' || cp == '<' || cp == '>' || cp == '#') {
        b.append('\\').appendCodePoint(cp);
      } else if (Character.isISOControl(cp) || cp == 0x2028 || cp == 0x2029) {
        b.append(' ');
      } else {
        b.appendCodePoint(cp);
      }
    });
    return b.toString();
  }
}
