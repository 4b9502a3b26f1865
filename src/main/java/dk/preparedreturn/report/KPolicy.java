package dk.preparedreturn.report;

import dk.preparedreturn.process.InvalidFormInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The k of the research export: a manager may ask for any k from the operator's floor
 * ({@code STATISTICS_MIN_K}, default 5) up to 1000; without one the default ({@code STATISTICS_K})
 * applies. A lower k is refused with 400. The service does not start with a default below the floor.
 */
@Component
class KPolicy {

  static final int MAX = 1000;

  private final int defaultK;
  private final int floor;

  KPolicy(@Value("${app.statistics.k:5}") int defaultK, @Value("${app.statistics.min-k:5}") int floor) {
    if (floor < 2 || floor > MAX) {
      throw new IllegalStateException("STATISTICS_MIN_K must be between 2 and " + MAX + ": " + floor);
    }
    if (defaultK < floor || defaultK > MAX) {
      throw new IllegalStateException("STATISTICS_K (" + defaultK + ") must be between STATISTICS_MIN_K (" + floor
          + ") and " + MAX);
    }
    this.defaultK = defaultK;
    this.floor = floor;
  }

  /** The k to use for a request: its own, or the default; 400 below the floor or above the maximum. */
  int resolve(Integer requested) {
    int k = requested == null ? defaultK : requested;
    if (k < floor || k > MAX) {
      throw new InvalidFormInput("k", "k must be between " + floor + " and " + MAX);
    }
    return k;
  }
}
