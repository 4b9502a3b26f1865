package dk.preparedreturn.casefile;

import dk.preparedreturn.audit.AuditLog;
import dk.preparedreturn.identity.Caller;
import dk.preparedreturn.identity.Groups;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Who may see a case, and how much of it: the organisations that take part in it (the case record's
 * participants), with the person's data each of them needs; managers and administrators see the
 * case without the person. Anyone else gets the same answer as for a case that does not exist.
 * Every read of the person's data is written to the access log with the fields shown.
 */
@Service
public class CaseAccess {

  /** A case as the caller may see it: the record, his groups that take part, and the person's data he may read. */
  public record Visible(CaseFile file, List<String> participatingGroups, Set<PersonDataAccess.Field> personFields) {

    public boolean mayReadPerson() {
      return !personFields.isEmpty();
    }
  }

  private final CaseService cases;
  private final CaseParticipation participation;
  private final AuditLog audit;

  public CaseAccess(CaseService cases, CaseParticipation participation, AuditLog audit) {
    this.cases = cases;
    this.participation = participation;
    this.audit = audit;
  }

  /** @throws CaseNotFound when the case does not exist or the caller may not see it (the same answer) */
  public Visible require(String caseRef, Caller caller) {
    CaseFile file = cases.find(caseRef).orElseThrow(() -> new CaseNotFound(caseRef));
    List<String> taking = participation.groups(caseRef).stream().filter(caller.groups()::contains).toList();
    if (taking.isEmpty() && !caller.in(Groups.MANAGERS) && !caller.admin()) {
      throw new CaseNotFound(caseRef);
    }
    return new Visible(file, taking, PersonDataAccess.visible(taking));
  }

  /** The person's data the caller may read, logged as read (empty when he may read none). */
  public Optional<Map<String, Object>> readPerson(Visible visible, Caller caller) {
    if (!visible.mayReadPerson()) {
      return Optional.empty();
    }
    return cases.person(visible.file().caseRef()).map(person -> {
      Map<String, Object> shown = PersonDataAccess.filter(person, visible.personFields());
      audit.record(caller.userId(), caller.groups(), AuditLog.Action.PERSON_READ, visible.file().caseRef(),
          shown.keySet());
      return shown;
    });
  }
}
