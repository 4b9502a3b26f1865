package dk.preparedreturn.referral;

import dk.preparedreturn.identity.Forbidden;
import dk.preparedreturn.identity.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import dk.preparedreturn.api.ApiProblems;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/referrals}: referrals from the systems of the police, CMM and
 * Udlændingestyrelsen. The caller must belong to the referring organisation. 201 with the case
 * reference and a Location for a new case; 200 with the same case for a repeated referral; 409 when
 * the referrer reference was used with other content; 400 problem+json naming each bad field.
 */
@RestController
class ReferralController {

  private final ReferralService referrals;

  ReferralController(ReferralService referrals) {
    this.referrals = referrals;
  }

  @PostMapping(path = "/api/referrals", consumes = "application/json", produces = "application/json")
  ResponseEntity<Map<String, Object>> refer(@Valid @RequestBody ReferralRequest request, Caller caller) {
    if (!caller.in(request.referringOrganisation())) {
      throw new Forbidden("Only members of " + request.referringOrganisation() + " can refer for it");
    }
    ReferralService.Result result = referrals.refer(request.toReferral(), caller.userId());
    URI location = URI.create("/api/cases/" + result.caseRef());
    Map<String, Object> body = Map.of("caseRef", result.caseRef(), "created", result.created(),
        "case", location.toString(), "deadlines", location + "/deadlines");
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).location(location).body(body);
  }

  /** The same referrer reference with different content: 409 naming the existing case. */
  @ExceptionHandler(ReferralConflict.class)
  ProblemDetail conflict(ReferralConflict e) {
    ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, e.getMessage());
    problem.setProperty("caseRef", e.caseRef());
    return problem;
  }

  @ExceptionHandler(ReferralService.ConcurrentReferral.class)
  ProblemDetail concurrent(ReferralService.ConcurrentReferral e) {
    return ApiProblems.problem(HttpStatus.CONFLICT, e.getMessage());
  }
}
