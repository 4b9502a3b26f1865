package dk.preparedreturn.report;

import dk.preparedreturn.casefile.CasePhase;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.process.Directory;
import dk.preparedreturn.process.OpenWork;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Micrometer gauges for operations and managers (Prometheus at /actuator/prometheus): cases per
 * phase, open tasks per group, overdue tasks, open incidents, job backlog and jobs without retries.
 * The counts are refreshed every 30 s by one query each, so a scrape never queries the database.
 * Failed notifications are counted by the notification sender.
 */
@Component
public class OperationsMetrics {

  private static final Logger LOG = LoggerFactory.getLogger(OperationsMetrics.class);

  private final MeterRegistry meters;
  private final Clock clock;
  private final JdbcClient jdbc;
  private final OpenWork work;
  private final Directory directory;
  private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

  OperationsMetrics(MeterRegistry meters, JdbcClient jdbc, OpenWork work, Directory directory, Clock clock) {
    this.clock = clock;
    this.meters = meters;
    this.jdbc = jdbc;
    this.work = work;
    this.directory = directory;
  }

  @Scheduled(fixedDelayString = "${app.metrics.refresh:PT30S}", initialDelayString = "PT15S")
  void scheduled() {
    try {
      refresh();
    } catch (RuntimeException e) {
      LOG.warn("Metrics refresh failed: {}", e.toString());
    }
  }

  public void refresh() {
    Map<String, Long> phases = new ConcurrentHashMap<>();
    for (CasePhase phase : CasePhase.values()) {
      phases.put(phase.name(), 0L);
    }
    jdbc.sql("SELECT phase, count(*) FROM case_file GROUP BY phase")
        .query((rs, n) -> phases.put(rs.getString(1), rs.getLong(2))).list();
    phases.forEach((phase, n) -> gauge("cases", "phase", phase, "Cases per phase", n));
    for (String group : directory.groups(500)) {
      if (Groups.DANISH_CASE_ACTORS.contains(group) || Groups.isPartnerGroup(group)) {
        gauge("tasks.open", "group", group, "Open tasks of a group (assigned or not)",
            work.countOfGroup(group));
      }
    }
    gauge("tasks.overdue", null, null, "Open tasks past their due date", work.countOverdue(clock.instant()));
    gauge("incidents.open", null, null, "Open incidents (failed jobs, failed notifications)", work.openIncidents());
    gauge("jobs.backlog", null, null, "Jobs that are due and waiting for the job executor", work.executableJobs());
    gauge("jobs.failed", null, null, "Jobs without retries left", work.failedJobs());
  }

  private void gauge(String name, String tag, String tagValue, String description, long value) {
    String key = name + "|" + tag + "|" + tagValue;
    AtomicLong holder = values.computeIfAbsent(key, k -> {
      AtomicLong created = new AtomicLong();
      Gauge.Builder<AtomicLong> builder = Gauge.builder(name, created, AtomicLong::get).description(description);
      if (tag != null) {
        builder.tag(tag, tagValue);
      }
      builder.register(meters);
      return created;
    });
    holder.set(value);
  }
}
