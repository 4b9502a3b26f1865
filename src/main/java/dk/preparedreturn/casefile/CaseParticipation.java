package dk.preparedreturn.casefile;

import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.process.InstanceAccess;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Need-to-know: an organisation takes part in a case from the moment it refers the case or gets a
 * task in it. Taking part is recorded in {@code case_participant} (used by the case API) and gives
 * the group READ on the case's process instances and their history in the engine (used by the REST
 * API and Cockpit). A partner abroad only ever takes part in cases routed to its country, because
 * only those give it tasks.
 */
@Service
public class CaseParticipation {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final InstanceAccess instances;
  private final CaseRecords records;

  public CaseParticipation(JdbcClient jdbc, InstanceAccess instances, Clock clock, CaseRecords records) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.instances = instances;
    this.records = records;
  }

  /** The group takes part in the case from now on (no-op when it already does). */
  public void join(String caseRef, String groupId) {
    join(caseRef, groupId, List::of);
  }

  /**
   * The group takes part in the case and may read its process instances: those in the database
   * and those named (the hierarchy of the task that made it take part, which may have been started
   * in this very transaction and so not be visible to a query yet; asked for only when the group is
   * new to the case).
   */
  public void join(String caseRef, String groupId, Supplier<Collection<String>> processInstanceIds) {
    if (Groups.isPartnerGroup(groupId)
        && !records.find(caseRef).map(CaseFile::partnerMayTakePart).orElse(false)) {
      // consent (issue 15): no task and no data to a partner abroad before the person accepted the
      // offer with informed consent to sharing data with it; a model that tries fails (incident)
      throw new IllegalStateException("A partner abroad cannot take part in case " + caseRef
          + " before the person accepted the offer with consent to sharing data");
    }
    int added = jdbc.sql("INSERT INTO case_participant (case_ref, group_id, since) SELECT ?, ?, ? FROM (SELECT 1 AS one) x"
            + " WHERE NOT EXISTS (SELECT 1 FROM case_participant WHERE case_ref = ? AND group_id = ?)")
        .params(caseRef, groupId, Timestamp.from(clock.instant()), caseRef, groupId)
        .update();
    if (added == 0) {
      // Already taking part: every instance of the case already grants the group READ, those started
      // before it joined (granted when it joined) and those started since (granted by
      // instanceStarted, also within this transaction, as the participant row is visible to it).
      return;
    }
    Set<String> ids = new LinkedHashSet<>(processInstanceIds.get());
    ids.addAll(instances.runningInstances(caseRef));
    ids.forEach(instance -> instances.grantRead(instance, List.of(groupId)));
  }

  /**
   * The group no longer takes part in the case (a partner the case was transferred away from): its
   * row goes, and with it every grant it held on the case's process instances, their history and
   * tasks. The case page, the case API and the engine then answer it as for a case that does not exist.
   */
  public void leave(String caseRef, String groupId) {
    jdbc.sql("DELETE FROM case_participant WHERE case_ref = ? AND group_id = ?").params(caseRef, groupId).update();
    instances.revokeAll(caseRef, groupId);
  }

  /** A process instance of the case started: every participant may read it. */
  public void instanceStarted(String caseRef, String processInstanceId) {
    instances.grantRead(processInstanceId, groups(caseRef));
  }

  public List<String> groups(String caseRef) {
    return jdbc.sql("SELECT group_id FROM case_participant WHERE case_ref = ? ORDER BY since, group_id").param(caseRef)
        .query(String.class).list();
  }

  public boolean takesPart(String caseRef, Collection<String> groupIds) {
    return !groupIds.isEmpty() && groups(caseRef).stream().anyMatch(groupIds::contains);
  }

  public Instant since(String caseRef, String groupId) {
    return jdbc.sql("SELECT since FROM case_participant WHERE case_ref = ? AND group_id = ?").params(caseRef, groupId)
        .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
  }
}
