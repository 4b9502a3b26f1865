package dk.preparedreturn.report;

import dk.preparedreturn.identity.Forbidden;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.identity.Caller;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The managers' reports: {@code GET /api/reports/summary} (JSON), {@code GET /app/reports} (a page
 * in Danish; managers signed in to Cockpit open it directly) and the k-anonymous research export
 * {@code GET /api/reports/statistics.csv?k=5} (k at least the operator's floor {@code STATISTICS_MIN_K}).
 * For managers and administrators; no person data.
 */
@RestController
class ReportController {

  private final ReportService reports;
  private final StatisticsExport export;
  private final ReportPage page;
  private final KPolicy k;

  ReportController(ReportService reports, StatisticsExport export, ReportPage page, KPolicy k) {
    this.reports = reports;
    this.export = export;
    this.page = page;
    this.k = k;
  }

  @GetMapping(path = "/api/reports/summary", produces = MediaType.APPLICATION_JSON_VALUE)
  ReportService.Summary summary(Caller caller) {
    requireManager(caller);
    return reports.summary();
  }

  @GetMapping(path = "/app/reports", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> reportPage(Caller caller) {
    requireManager(caller);
    return ResponseEntity.ok().header("Cache-Control", "no-store").contentType(new MediaType("text", "html",
        StandardCharsets.UTF_8)).body(page.render(reports.summary(),
        reports.sustainabilityPerQuarter(k.resolve(null)), k.resolve(null)));
  }

  @GetMapping(path = "/api/reports/sustainability", produces = MediaType.APPLICATION_JSON_VALUE)
  List<ReportService.SustainabilityQuarter> sustainability(Caller caller) {
    requireManager(caller);
    return reports.sustainabilityPerQuarter(k.resolve(null));
  }

  @GetMapping(path = "/api/reports/statistics.csv", produces = "text/csv")
  ResponseEntity<String> statistics(@RequestParam(name = "k", required = false) Integer k, Caller caller) {
    requireManager(caller);
    int kValue = this.k.resolve(k);
    StatisticsExport.Export result = export.export(kValue);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"prepared-return-statistics-k" + kValue + ".csv\"")
        .header("X-K-Anonymity", String.valueOf(kValue))
        .header("X-Generalisation", result.levels().entrySet().stream().filter(e -> e.getValue() > 0)
            .map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining(",")))
        .header("X-Rows-Suppressed", String.valueOf(result.suppressed()))
        .header("Cache-Control", "no-store")
        .body(result.csv());
  }

  private static void requireManager(Caller caller) {
    if (!caller.in(Groups.MANAGERS) && !caller.admin()) {
      throw new Forbidden("Reports are for managers (group ledelse) and administrators");
    }
  }
}
