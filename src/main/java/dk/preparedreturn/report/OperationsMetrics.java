package dk.preparedreturn.report;

import dk.preparedreturn.casefile.CasePhase;
import dk.preparedreturn.identity.Groups;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
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
  private final TaskService tasks;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final IdentityService identity;
  private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

  OperationsMetrics(MeterRegistry meters, JdbcClient jdbc, @Lazy TaskService tasks, @Lazy RuntimeService runtime,
      @Lazy ManagementService management, @Lazy IdentityService identity, Clock clock) {
    this.clock = clock;
    this.meters = meters;
    this.jdbc = jdbc;
    this.tasks = tasks;
    this.runtime = runtime;
    this.management = management;
    this.identity = identity;
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
    for (Group group : identity.createGroupQuery().listPage(0, 500)) {
      if (Groups.DANISH_CASE_ACTORS.contains(group.getId()) || Groups.isPartnerGroup(group.getId())) {
        gauge("tasks.open", "group", group.getId(), "Open tasks of a group (assigned or not)",
            tasks.createTaskQuery().taskCandidateGroup(group.getId()).includeAssignedTasks().count());
      }
    }
    Date now = Date.from(clock.instant());
    gauge("tasks.overdue", null, null, "Open tasks past their due date", tasks.createTaskQuery().dueBefore(now).count());
    gauge("incidents.open", null, null, "Open incidents (failed jobs, failed notifications)",
        runtime.createIncidentQuery().count());
    gauge("jobs.backlog", null, null, "Jobs that are due and waiting for the job executor",
        management.createJobQuery().executable().count());
    gauge("jobs.failed", null, null, "Jobs without retries left", management.createJobQuery().noRetriesLeft().count());
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
