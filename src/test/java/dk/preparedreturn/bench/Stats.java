package dk.preparedreturn.bench;

import java.util.Arrays;
import java.util.List;

/** Order statistics of measured values. */
final class Stats {

  private Stats() {
  }

  /** The p-th percentile (0..100) by the nearest-rank method. */
  static double percentile(List<? extends Number> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static double median(List<? extends Number> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double max(List<? extends Number> values) {
    return values.stream().mapToDouble(Number::doubleValue).max().orElse(Double.NaN);
  }

  static double mean(double... values) {
    return Arrays.stream(values).average().orElse(Double.NaN);
  }

  static String f0(double v) {
    return String.format(java.util.Locale.ROOT, "%,.0f", v);
  }

  static String f1(double v) {
    return String.format(java.util.Locale.ROOT, "%,.1f", v);
  }

  static String f2(double v) {
    return String.format(java.util.Locale.ROOT, "%,.2f", v);
  }

  static String pct(double ratio) {
    return String.format(java.util.Locale.ROOT, "%.0f %%", ratio * 100);
  }
}
