package dk.preparedreturn.audit;

import dk.preparedreturn.identity.Forbidden;
import dk.preparedreturn.identity.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access log for the data-protection officer (administrators): per case, and per data
 * subject for the right of access (GDPR art. 15, which covers log data since CJEU C-579/21). The
 * data subject is looked up by name and date of birth in a POST body, so neither appears in URLs
 * or access logs; the lookup itself is logged too.
 */
@RestController
class AuditController {

  record DataSubject(@NotBlank String fullName, @NotNull @Past LocalDate dateOfBirth) {
  }

  private final AuditLog audit;
  private final JdbcClient jdbc;

  AuditController(AuditLog audit, JdbcClient jdbc) {
    this.audit = audit;
    this.jdbc = jdbc;
  }

  @GetMapping(path = "/api/audit/cases/{caseRef}", produces = "application/json")
  Map<String, Object> forCase(@PathVariable String caseRef, Caller caller) {
    requireAdmin(caller);
    return Map.of("caseRef", caseRef, "entries", audit.forCases(List.of(caseRef)));
  }

  @PostMapping(path = "/api/audit/data-subject", consumes = "application/json", produces = "application/json")
  @Transactional
  Map<String, Object> forDataSubject(@Valid @RequestBody DataSubject subject, Caller caller) {
    requireAdmin(caller);
    List<String> cases = jdbc.sql("SELECT case_ref FROM case_person WHERE lower(full_name) = lower(?)"
        + " AND date_of_birth = ? ORDER BY case_ref").params(subject.fullName().trim(), subject.dateOfBirth())
        .query(String.class).list();
    List<AuditLog.Entry> entries = audit.forCases(cases);
    cases.forEach(c -> audit.record(caller.userId(), caller.groups(), AuditLog.Action.PERSON_READ, c,
        List.of("accessLog")));
    return Map.of("cases", cases, "entries", entries);
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.admin()) {
      throw new Forbidden("The access log is for administrators (data-protection officer)");
    }
  }
}
