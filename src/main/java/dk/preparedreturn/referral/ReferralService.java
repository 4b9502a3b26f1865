package dk.preparedreturn.referral;

import dk.preparedreturn.process.Workflow;
import static dk.preparedreturn.process.CaseVariables.CASE_REF;
import static dk.preparedreturn.process.CaseVariables.DEPARTED;
import static dk.preparedreturn.process.CaseVariables.IDENTIFICATION_OUTCOME;
import static dk.preparedreturn.process.CaseVariables.PARTNER_GROUP;
import static dk.preparedreturn.process.CaseVariables.REFERRAL_DATE;
import static dk.preparedreturn.process.CaseVariables.REFERRING_ORGANISATION;
import static dk.preparedreturn.process.CaseVariables.RESIDENCE_STATUS;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.preparedreturn.audit.AuditLog;
import dk.preparedreturn.casefile.CaseFile;
import dk.preparedreturn.casefile.CaseService;
import dk.preparedreturn.casefile.CasePhase;
import dk.preparedreturn.casefile.PersonData;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.process.CaseVariables;
import dk.preparedreturn.journey.PreparedReturnProcess;
import dk.preparedreturn.casefile.CaseParticipation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.Year;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates a case from a referral: the case record with the person's data in its own table, and the
 * case's process instance (business key = case reference) with routing values only. The same
 * referrer reference with the same content returns the existing case; with different content it
 * is a conflict.
 */
@Service
public class ReferralService {

  public record Result(String caseRef, boolean created) {
  }

  private final CaseService cases;
  private final Workflow workflow;
  private final CaseParticipation participation;
  private final AuditLog audit;
  private final ObjectMapper canonical = new ObjectMapper().registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  public ReferralService(CaseService cases, Workflow workflow, CaseParticipation participation, AuditLog audit) {
    this.cases = cases;
    this.workflow = workflow;
    this.participation = participation;
    this.audit = audit;
  }

  @Transactional
  public Result refer(Referral referral, String createdBy) {
    String fingerprint = fingerprint(referral);
    Optional<Result> existing = existing(referral, fingerprint);
    if (existing.isPresent()) {
      return existing.get();
    }
    CaseFile file;
    try {
      file = cases.open(referral.referrerReference(), referral.referringOrganisation(),
          referral.residenceStatus().name(), referral.countryOfReturn(), referral.referralDate(), fingerprint,
          referral.person(), createdBy);
    } catch (DuplicateKeyException concurrentSameReference) {
      // another request with the same referrer reference won the race; answer as for a repeat
      throw new ConcurrentReferral();
    }
    VariableMap variables = Variables.createVariables()
        .putValue(CASE_REF.name(), file.caseRef())
        .putValue(RESIDENCE_STATUS.name(), referral.residenceStatus().name())
        .putValue(PARTNER_GROUP.name(), file.partnerGroup())
        .putValue(REFERRING_ORGANISATION.name(), referral.referringOrganisation())
        .putValue(REFERRAL_DATE.name(), referral.referralDate().toString())
        // known from the start (unset until decided) so that the models can ask for them: after a
        // suspension the return track resumes with the contact person and an offer already accepted
        .putValue(IDENTIFICATION_OUTCOME.name(), null)
        .putValue(CaseVariables.CONTACT_PERSON.name(), null)
        .putValue(CaseVariables.OFFER_DECISION.name(), null)
        .putValue(DEPARTED.name(), false);
    String caseRef = file.caseRef();
    participation.join(caseRef, referral.referringOrganisation());
    audit.record(createdBy, List.of(referral.referringOrganisation()), AuditLog.Action.PERSON_CREATED, caseRef,
        List.of("fullName", "dateOfBirth", "nationality", "gender", "exploitationType", "hasChildren",
            "numberOfChildren", "preferredLanguage"));
    cases.linkMainProcess(caseRef, workflow.startCase(PreparedReturnProcess.KEY, caseRef, variables));
    return new Result(caseRef, true);
  }

  /** The case of an earlier identical referral; a conflict when the content differs. */
  private Optional<Result> existing(Referral referral, String fingerprint) {
    return cases.findByReferrer(referral.referringOrganisation(), referral.referrerReference()).map(found -> {
      if (!fingerprint.equals(cases.referralFingerprint(found.caseRef()).orElse(""))) {
        throw new ReferralConflict(found.caseRef());
      }
      return new Result(found.caseRef(), false);
    });
  }

  /** SHA-256 of the referral in a canonical JSON form (sorted keys, ISO dates). */
  String fingerprint(Referral referral) {
    try {
      byte[] json = canonical.writeValueAsString(canonical.convertValue(referral, java.util.TreeMap.class))
          .getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (com.fasterxml.jackson.core.JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Two requests with the same referrer reference arrived at the same time; the client may repeat. */
  public static class ConcurrentReferral extends RuntimeException {
    public ConcurrentReferral() {
      super("A referral with the same referrer reference is being created; repeat the request");
    }
  }
}
