package io.ordo.bench;

import java.util.Locale;

/** Number formats of the report: NaN prints as "n/a", thousands get separators. */
public final class Fmt {

  private Fmt() {}

  public static String f0(double v) {
    return format("%,.0f", v);
  }

  public static String f1(double v) {
    return format("%,.1f", v);
  }

  public static String f2(double v) {
    return format("%,.2f", v);
  }

  public static String f3(double v) {
    return format("%,.3f", v);
  }

  /** A ratio as "0.123×" (three decimals below 0.1, so small ratios keep two digits). */
  public static String ratio(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, v < 0.1 ? "%.3f×" : "%.2f×", v);
  }

  /** "p50 / p90 / p99 / max" in milliseconds. */
  public static String latency(Percentiles l) {
    return f2(l.p50()) + " / " + f2(l.p90()) + " / " + f2(l.p99()) + " / " + f1(l.max());
  }

  /** One line, no table separators, at most 160 characters. */
  public static String oneLine(String s) {
    String line = s == null ? "" : s.replaceAll("\\s+", " ").replace("|", "/");
    return line.length() > 160 ? line.substring(0, 157) + "..." : line;
  }

  private static String format(String pattern, double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? "n/a"
        : String.format(Locale.ROOT, pattern, v);
  }
}
