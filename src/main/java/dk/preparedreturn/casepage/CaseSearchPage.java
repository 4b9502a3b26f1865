package dk.preparedreturn.casepage;

import dk.preparedreturn.casefile.CaseSearch;
import dk.preparedreturn.identity.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The case search, {@code /app/cases?q=}: by case reference (or the referring organisation's own
 * reference), and for the organisations that see the person also by name or date of birth, each
 * such search in the access log ({@link CaseSearch}). Only {@code q} is accepted; anything else, or
 * a text longer than {@value CaseSearch#MAX_LENGTH} characters, is refused with 400 and the form's
 * message. Danish; English for the partners.
 */
@Controller
class CaseSearchPage {

  private final CaseSearch search;

  CaseSearchPage(CaseSearch search) {
    this.search = search;
  }

  @GetMapping("/app/cases")
  String search(@RequestParam Map<String, String> parameters, Caller caller, HttpServletResponse response,
      Model model) {
    String q = parameters.getOrDefault("q", "").strip();
    model.addAttribute("searchQuery", q);
    model.addAttribute("english", caller.audience().english());
    model.addAttribute("personSearch", CaseSearch.maySearchPersons(caller));
    String error = parameters.keySet().stream().anyMatch(name -> !name.equals("q")) ? "page.form.unknown"
        : q.length() > CaseSearch.MAX_LENGTH ? "page.search.tooLong" : null;
    if (error != null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", error);
      return "cases";
    }
    if (!q.isEmpty()) {
      model.addAttribute("result", search.search(q, caller));
    }
    return "cases";
  }
}
