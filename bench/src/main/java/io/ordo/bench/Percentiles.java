package io.ordo.bench;

import java.util.Arrays;

/**
 * Latency figures of one run, from every sample (no histogram): nearest-rank percentiles over
 * the sorted samples, in milliseconds.
 */
public record Percentiles(int count, double mean, double p50, double p90, double p95,
    double p99, double max) {

  public static final Percentiles EMPTY = new Percentiles(0, Double.NaN, Double.NaN, Double.NaN,
      Double.NaN, Double.NaN, Double.NaN);

  /** {@code nanos} is not modified. */
  public static Percentiles ofNanos(long[] nanos) {
    if (nanos.length == 0) {
      return EMPTY;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (long n : sorted) {
      sum += n;
    }
    return new Percentiles(sorted.length, ms(sum / sorted.length), ms(rank(sorted, 50)),
        ms(rank(sorted, 90)), ms(rank(sorted, 95)), ms(rank(sorted, 99)),
        ms(sorted[sorted.length - 1]));
  }

  /** The nearest-rank percentile: the smallest sample with at least p% of samples at or below. */
  static long rank(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double ms(double nanos) {
    return nanos / 1_000_000.0;
  }
}
