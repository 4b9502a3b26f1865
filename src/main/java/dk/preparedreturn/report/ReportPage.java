package dk.preparedreturn.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The managers' report page (Danish), self-contained HTML without scripts or external resources. */
@Component
class ReportPage {

  static final Map<String, String> PHASES = Map.ofEntries(Map.entry("REFERRAL", "Henvisning"),
      Map.entry("IDENTIFICATION", "Identifikation"), Map.entry("REFLECTION", "Refleksions-/restitutionsperiode"),
      Map.entry("PREPARATION", "Forberedelse af hjemrejse"), Map.entry("TRAVEL", "Udrejse og modtagelse"),
      Map.entry("REINTEGRATION", "Reintegration"), Map.entry("SUSPENDED", "Suspenderet (asyl/efterforskning)"),
      Map.entry("HANDOVER", "Overdrages som almindelig hjemrejse"), Map.entry("CLOSED", "Afsluttet"));
  static final Map<String, String> OUTCOMES = Map.of("COMPLETED", "Forløb gennemført (12 måneder)",
      "DROPPED_OUT", "Frafald efter udrejse", "HANDED_OVER", "Overdraget som almindelig hjemrejse",
      "CLOSED_WITHOUT_RETURN", "Afsluttet uden hjemrejse", "NOT_IDENTIFIED", "Ikke identificeret",
      "RESIDENCE_GRANTED", "Opholdsgrundlag");

  private final DateTimeFormatter time;

  ReportPage(@Value("${app.time-zone:Europe/Copenhagen}") ZoneId zone) {
    this.time = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm").withZone(zone);
  }

  String render(ReportService.Summary s) {
    return render(s, java.util.List.of(), 0);
  }

  String render(ReportService.Summary s, java.util.List<ReportService.SustainabilityQuarter> sustainability, int k) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Forberedt hjemsendelse – ledelsesrapport</title>")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>")
        .append("body{font-family:Arial,Helvetica,sans-serif;margin:24px;color:#222;max-width:1100px}")
        .append("h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd;padding-bottom:4px}")
        .append("table{border-collapse:collapse;margin:8px 0}td,th{padding:4px 10px;text-align:left;border-bottom:1px solid #eee}")
        .append("td.n{text-align:right;font-variant-numeric:tabular-nums}.bar{background:#0d47a1;height:12px;display:inline-block}")
        .append(".tiles{display:flex;gap:12px;flex-wrap:wrap}.tile{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:170px}")
        .append(".tile b{display:block;font-size:24px}.warn b{color:#b71c1c}.muted{color:#666;font-size:13px}</style></head><body>");
    h.append("<h1>Forberedt hjemsendelse – ledelsesrapport</h1><p class=\"muted\">Opgjort ")
        .append(esc(time.format(s.generatedAt()))).append(". Ingen personoplysninger; tal fra sagsregistret og de åbne opgaver.</p>");

    h.append("<div class=\"tiles\">");
    tile(h, "Åbne sager", s.openCases(), false);
    tile(h, "Afsluttede sager", s.closedCases(), false);
    tile(h, "Udrejsefrister inden 7 dage", s.deadlines().departureDeadlinesWithin7Days(), true);
    tile(h, "Overskredne udrejsefrister uden udrejse", s.deadlines().departureDeadlinesPassedNotDeparted(), true);
    tile(h, "Opgaver med frist inden 7 dage", s.deadlines().tasksDueWithin7Days(), false);
    tile(h, "Overskredne opgaver", s.deadlines().tasksOverdue(), true);
    h.append("</div>");

    h.append("<h2>Sager pr. fase</h2><table>");
    long max = s.casesPerPhase().values().stream().mapToLong(Long::longValue).max().orElse(1);
    s.casesPerPhase().forEach((phase, n) -> h.append("<tr><td>").append(esc(PHASES.getOrDefault(phase, phase)))
        .append("</td><td class=\"n\">").append(n).append("</td><td><span class=\"bar\" style=\"width:")
        .append(max == 0 ? 0 : 300 * n / Math.max(1, max)).append("px\"></span></td></tr>"));
    h.append("</table>");

    h.append("<h2>Tilbuddet om forberedt hjemsendelse</h2><table>")
        .append(row("Taget imod", s.offer().accepted()))
        .append(row("Afslået", s.offer().declined()))
        .append(row("Endnu ikke besluttet (åbne sager)", s.offer().undecided()))
        .append(row("Andel der tager imod (af dem der har besluttet)", percent(s.offer().takeUpRate())))
        .append(row("Frafald før udrejse (efter at have taget imod)", s.dropOut().beforeDeparture()))
        .append(row("Frafald efter udrejse", s.dropOut().afterDeparture()))
        .append(row("Frafald i alt i forhold til dem der tog imod", percent(s.dropOut().rateOfAccepted())))
        .append(row("Forløb der nåede måned 12", s.month12().completed()))
        .append(row("Andel af udrejste og afsluttede forløb der nåede måned 12", percent(s.month12().share())))
        .append("</table>");

    h.append("<h2>Median antal dage pr. fase</h2><table>");
    s.medianDaysPerPhase().forEach((phase, days) -> h.append(row(PHASES.getOrDefault(phase, phase), days)));
    if (s.medianDaysPerPhase().isEmpty()) {
      h.append("<tr><td class=\"muted\">Endnu ingen afsluttede faser</td></tr>");
    }
    h.append("</table>");

    h.append("<h2>Udfald af afsluttede sager</h2><table>");
    s.outcomes().forEach((outcome, n) -> h.append(row(OUTCOMES.getOrDefault(outcome, outcome), n)));
    h.append("</table>");

    h.append("<h2>Pr. hjemrejseland</h2><table><tr><th>Land</th><th>Sager</th><th>Åbne</th><th>Udrejst</th>")
        .append("<th>Gennemført</th><th>Frafald</th><th>Overdraget</th></tr>");
    for (ReportService.CountryRow c : s.byCountry()) {
      h.append("<tr><td>").append(esc(c.countryOfReturn())).append("</td>");
      for (long n : new long[] {c.cases(), c.open(), c.departed(), c.completed(), c.droppedOut(), c.handedOver()}) {
        h.append("<td class=\"n\">").append(n).append("</td>");
      }
      h.append("</tr>");
    }
    sustainability(h, sustainability, k);
    h.append("</table><p class=\"muted\">Samme tal som JSON: /api/reports/summary. Forskningsudtræk (k-anonymt): ")
        .append("/api/reports/statistics.csv?k=5. Drift og målinger: /actuator/prometheus.</p></body></html>");
    return h.toString();
  }

  private static void tile(StringBuilder h, String label, long value, boolean warnWhenPositive) {
    h.append("<div class=\"tile").append(warnWhenPositive && value > 0 ? " warn" : "").append("\"><b>").append(value)
        .append("</b>").append(esc(label)).append("</div>");
  }

  private static String row(String label, Object value) {
    return "<tr><td>" + esc(label) + "</td><td class=\"n\">" + esc(String.valueOf(value)) + "</td></tr>";
  }

  private static String percent(Double ratio) {
    return ratio == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%", ratio * 100);
  }

  /** The change of the IOM RSS ratings from arrival to month 12 per quarter; no person's ratings. */
  private static void sustainability(StringBuilder h, java.util.List<ReportService.SustainabilityQuarter> rows, int k) {
    h.append("<h2>Reintegrationens bæredygtighed: ændring fra ankomst til måned 12</h2><p class=\"muted\">")
        .append("Partnerens vurdering (IOM Reintegration Sustainability Survey, 1-5) ved ankomsten og efter 12 måneder;")
        .append(" gennemsnitlig ændring pr. dimension, pr. kvartal for vurderingen efter 12 måneder. Kvartaler med færre end ")
        .append(k).append(" forløb vises uden gennemsnit.</p>");
    if (rows.isEmpty()) {
      h.append("<p>Ingen forløb med begge vurderinger endnu.</p>");
      return;
    }
    h.append("<table><tr><th>Kvartal</th><th>Forløb</th><th>Økonomisk</th><th>Socialt</th><th>Psykosocialt</th></tr>");
    for (ReportService.SustainabilityQuarter q : rows) {
      h.append("<tr><td>").append(q.year()).append(" K").append(q.quarter()).append("</td><td class=\"n\">")
          .append(q.journeys()).append("</td>").append(change(q.economic())).append(change(q.social()))
          .append(change(q.psychosocial())).append("</tr>");
    }
    h.append("</table>");
  }

  private static String change(Double value) {
    String text = value == null ? "–" : (value > 0 ? "+" : "") + String.format(java.util.Locale.ROOT, "%.1f", value)
        .replace('.', ',');
    return "<td class=\"n\">" + text + "</td>";
  }

  private static String esc(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
  }
}
