package dev.ddbmodel.validation.internal.view;

import dev.ddbmodel.core.CostReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last cost report, read back from its section of {@code dynamodb_data_model.md} (between the
 * markers {@code ddbm cost --workspace} writes): the total, each pattern's monthly cost (its own
 * requests plus the GSI writes it causes) and the partition throughput warnings.
 *
 * @param total the total monthly cost as printed, e.g. {@code $12.34}
 * @param patternCosts pattern id to monthly cost in dollars
 * @param partitionFindings the partition throughput findings, in report order
 */
public record CostSection(String total, Map<String, BigDecimal> patternCosts, List<Finding> partitionFindings) {
  private static final Pattern TOTAL = Pattern.compile("\\*\\*Total Monthly Cost: (\\$[0-9.]+)\\*\\*");
  private static final Pattern ROW = Pattern.compile("^\\|\\s*([^|]+?)\\s*\\|\\s*[^|]+\\|\\s*[^|]+\\|\\s*[^|]+\\|\\s*\\$([0-9.]+)\\s*\\|\\s*$");
  private static final Pattern PATTERN_REF = Pattern.compile("pattern `([^`]*)`");
  /** The id a report line ends with, {@code [Cost.HotPartition]}. */
  private static final Pattern ID_TAG = Pattern.compile("\\s\\[(Cost\\.[A-Za-z]+)\\]$");

  /**
   * One line of "Partition Throughput Checks".
   *
   * @param id the diagnostic id the line ends with ({@code Cost.HotPartition} for a report written
   *     before lines carried it)
   * @param text the line without its marker and id
   */
  public record Finding(String id, String text) {}

  public CostSection {
    patternCosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(patternCosts));
    partitionFindings = List.copyOf(partitionFindings);
  }

  /** The report in {@code markdown}, when the file has one. */
  public static Optional<CostSection> read(String markdown) {
    int b = markdown.indexOf(CostReport.BEGIN_MARKER);
    int e = markdown.indexOf(CostReport.END_MARKER);
    if (b < 0 || e < b) {
      return Optional.empty();
    }
    String section = markdown.substring(b, e);
    Matcher t = TOTAL.matcher(section);
    String total = t.find() ? t.group(1) : "";
    Map<String, BigDecimal> costs = new LinkedHashMap<>();
    List<Finding> warnings = new ArrayList<>();
    boolean inPatternTable = false;
    boolean inWarnings = false;
    for (String line : section.split("\n", -1)) {
      if (line.startsWith("| Pattern ") && line.contains("Monthly Cost")) {
        inPatternTable = true;
        continue;
      }
      if (!line.startsWith("|")) {
        inPatternTable = false;
      }
      if (line.startsWith("### ")) {
        inWarnings = line.startsWith("### Partition Throughput Checks");
        continue;
      }
      if (inWarnings && line.startsWith("- ")) {
        String text = line.substring(2).replaceFirst("^⚠️\\s*", "");
        Matcher id = ID_TAG.matcher(text);
        warnings.add(id.find() ? new Finding(id.group(1), text.substring(0, id.start())) : new Finding(CostReport.PARTITION_IDS.get(0), text));
      }
      if (inPatternTable) {
        Matcher m = ROW.matcher(line);
        if (m.matches() && !m.group(1).startsWith("-")) {
          String id = m.group(1).replace("¹", "");
          costs.merge(id, new BigDecimal(m.group(2)), BigDecimal::add);
        }
      }
    }
    return Optional.of(new CostSection(total, costs, warnings));
  }

  /** The texts of the partition findings, in report order. */
  public List<String> partitionWarnings() {
    return partitionFindings.stream().map(Finding::text).toList();
  }

  /** The partition findings that name {@code patternId}. */
  List<Finding> warningsFor(String patternId) {
    List<Finding> out = new ArrayList<>();
    for (Finding w : partitionFindings) {
      Matcher m = PATTERN_REF.matcher(w.text());
      if (m.find() && m.group(1).equals(patternId)) {
        out.add(w);
      }
    }
    return out;
  }
}
