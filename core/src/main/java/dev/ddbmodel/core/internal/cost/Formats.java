package dev.ddbmodel.core.internal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Number formatting and markdown tables, byte-compatible with the reference report. */
public final class Formats {
  private Formats() {}

  /** {@code $} and two decimals, half-even on the exact binary value. */
  public static String money(double x) {
    return "$" + two(x);
  }

  public static String two(double x) {
    return new BigDecimal(x).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A float as Python prints it: shortest repr, {@code 100.0}, {@code 0.5}, {@code 1e-05}. */
  public static String pyFloat(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e16) {
      return new BigDecimal(x).toPlainString() + ".0";
    }
    BigDecimal d = new BigDecimal(Double.toString(x)).stripTrailingZeros();
    if (Math.abs(x) >= 1e-4 && Math.abs(x) < 1e16) {
      return d.toPlainString();
    }
    String digits = d.unscaledValue().abs().toString();
    int exp = digits.length() - 1 - d.scale();
    String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (x < 0 ? "-" : "") + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
  }

  /** A markdown table with columns padded to their widest cell. */
  public static String table(List<String> header, List<List<String>> rows) {
    int[] w = new int[header.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = header.get(i).codePointCount(0, header.get(i).length());
      for (List<String> r : rows) {
        w[i] = Math.max(w[i], r.get(i).codePointCount(0, r.get(i).length()));
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(line(header, w)).append('\n');
    List<String> dashes = new ArrayList<>();
    for (int width : w) {
      dashes.add("-".repeat(width));
    }
    sb.append(line(dashes, w));
    for (List<String> r : rows) {
      sb.append('\n').append(line(r, w));
    }
    return sb.toString();
  }

  private static String line(List<String> cells, int[] w) {
    List<String> padded = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i);
      padded.add(c + " ".repeat(w[i] - c.codePointCount(0, c.length())));
    }
    return "| " + String.join(" | ", padded) + " |";
  }
}
