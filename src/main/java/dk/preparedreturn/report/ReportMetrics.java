package dk.preparedreturn.report;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The managers' figures as Micrometer gauges (Prometheus at {@code /actuator/prometheus}), the same
 * numbers as {@code /api/reports/summary}: take-up of the offer, drop-out, share of journeys reaching
 * month 12, departure deadlines and task deadlines at risk in the next 7 days and overdue, cases per
 * country of return, median days per phase. The summary is computed every minute
 * ({@code app.metrics.report-refresh}); a scrape only reads the last values. A share without a
 * denominator yet (no decision, nobody departed) is NaN.
 */
@Component
public class ReportMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(ReportMetrics.class);

  private final MeterRegistry meters;
  private final ReportService reports;
  private final Map<String, Holder> values = new ConcurrentHashMap<>();

  ReportMetrics(MeterRegistry meters, ReportService reports) {
    this.meters = meters;
    this.reports = reports;
  }

  static final class Holder {
    volatile double value;
  }

  @Scheduled(fixedDelayString = "${app.metrics.report-refresh:PT1M}", initialDelayString = "PT20S")
  void scheduled() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.warn("Report metrics refresh failed: {}", e.toString());
    }
  }

  public void refresh() {
    ReportService.Summary s = reports.summary();
    gauge("report.offer.take.up.ratio", Tags.empty(), "Share of the persons who decided that accepted the offer",
        share(s.offer().takeUpRate()));
    gauge("report.offer.decisions", Tags.of("decision", "accepted"), "Persons who accepted the offer",
        s.offer().accepted());
    gauge("report.offer.decisions", Tags.of("decision", "declined"), "Persons who declined the offer",
        s.offer().declined());
    gauge("report.offer.decisions", Tags.of("decision", "undecided"), "Open cases whose person has not decided yet",
        s.offer().undecided());
    gauge("report.drop.out.ratio", Tags.empty(), "Drop-outs (before and after departure) of those who accepted",
        share(s.dropOut().rateOfAccepted()));
    gauge("report.drop.outs", Tags.of("when", "before_departure"), "Accepted, then withdrew or lost contact before"
        + " departure", s.dropOut().beforeDeparture());
    gauge("report.drop.outs", Tags.of("when", "after_departure"), "Withdrew or lost contact after departure",
        s.dropOut().afterDeparture());
    gauge("report.month12.ratio", Tags.empty(), "Share of the departed and closed journeys that reached month 12",
        share(s.month12().share()));
    gauge("report.month12.journeys", Tags.of("state", "completed"), "Journeys that reached month 12",
        s.month12().completed());
    gauge("report.month12.journeys", Tags.of("state", "departed_and_closed"), "Journeys departed and closed",
        s.month12().departedAndClosed());
    gauge("report.deadlines.at.risk", Tags.of("kind", "departure"), "Departure deadlines in the next 7 days",
        s.deadlines().departureDeadlinesWithin7Days());
    gauge("report.deadlines.at.risk", Tags.of("kind", "task"), "Open tasks due in the next 7 days",
        s.deadlines().tasksDueWithin7Days());
    gauge("report.deadlines.overdue", Tags.of("kind", "departure"), "Departure deadlines passed without departure",
        s.deadlines().departureDeadlinesPassedNotDeparted());
    gauge("report.deadlines.overdue", Tags.of("kind", "task"), "Open tasks past their due date",
        s.deadlines().tasksOverdue());
    for (ReportService.CountryRow c : s.byCountry()) {
      Map<String, Long> states = Map.of("all", c.cases(), "open", c.open(), "departed", c.departed(), "completed",
          c.completed(), "dropped_out", c.droppedOut(), "handed_over", c.handedOver());
      states.forEach((state, n) -> gauge("report.country.cases", Tags.of("country", c.countryOfReturn(), "state", state),
          "Cases per country of return", n));
    }
    s.medianDaysPerPhase().forEach((phase, days) -> gauge("report.phase.median.days", Tags.of("phase", phase),
        "Median days a case spends in the phase", days));
  }

  private static double share(Double ratio) {
    return ratio == null ? Double.NaN : ratio;
  }

  private void gauge(String name, Tags tags, String description, double value) {
    Holder holder = values.computeIfAbsent(name + tags, k -> {
      Holder created = new Holder();
      Gauge.builder(name, created, h -> h.value).tags(tags).description(description).register(meters);
      return created;
    });
    holder.value = value;
  }
}
