package dk.preparedreturn.deadlines;

import dk.preparedreturn.deadlines.DeadlineCalendarService.Entry;
import dk.preparedreturn.deadlines.DeadlineCalendarService.Status;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The deadline calendar of one case as a page for caseworkers (linked from the task forms in
 * Tasklist): Danish for the Danish organisations, English for the partners abroad. Self-contained
 * HTML without scripts or external resources; no personal data (the case reference only).
 */
@Component
public class DeadlinePage {

  static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

  public String render(String caseRef, List<Entry> entries, boolean english) {
    StringBuilder h = new StringBuilder();
    String title = english ? "Deadlines of case " + caseRef : "Frister i sag " + caseRef;
    h.append("<!DOCTYPE html><html lang=\"").append(english ? "en" : "da").append("\"><head><meta charset=\"utf-8\">")
        .append("<title>").append(esc(title)).append("</title>")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>")
        .append("body{font-family:Arial,Helvetica,sans-serif;margin:24px;color:#222;max-width:1000px}")
        .append("h1{font-size:22px;margin-bottom:4px}table{border-collapse:collapse;margin:12px 0;width:100%}")
        .append("td,th{padding:6px 10px;text-align:left;border-bottom:1px solid #e5e5e5;vertical-align:top}")
        .append("th{background:#f5f5f5}td.d{white-space:nowrap;font-variant-numeric:tabular-nums}")
        .append(".PASSED td{color:#b71c1c}.DONE td{color:#777}.LAPSED td{color:#999;text-decoration:line-through}.UPCOMING td.d{font-weight:bold}")
        .append(".muted{color:#666;font-size:13px}.tag{font-size:12px;padding:1px 6px;border-radius:8px;background:#eee}")
        .append("</style></head><body>");
    h.append("<h1>").append(esc(title)).append("</h1><p class=\"muted\">")
        .append(esc(english
            ? "Every legal and contractual date of the case, with its source. Dates computed in Danish time."
            : "Alle lovbestemte og aftalte frister i sagen med deres grundlag. Datoer efter dansk tid."))
        .append("</p>");
    if (entries.isEmpty()) {
      h.append("<p>").append(esc(english ? "No deadlines yet." : "Ingen frister endnu.")).append("</p>");
    } else {
      h.append("<table><thead><tr><th>").append(english ? "Date" : "Dato").append("</th><th>")
          .append(english ? "What" : "Hvad").append("</th><th>").append(english ? "Basis" : "Grundlag")
          .append("</th><th>").append(english ? "Status" : "Status").append("</th></tr></thead><tbody>");
      for (Entry e : entries) {
        h.append("<tr class=\"").append(e.status().name()).append("\"><td class=\"d\">")
            .append(esc(e.date() == null ? "" : e.date().format(english ? ENGLISH_DATE : DANISH_DATE)))
            .append("</td><td>").append(esc(english ? e.labelEn() : e.label())).append("</td><td>")
            .append(esc(e.source())).append("</td><td><span class=\"tag\">").append(esc(status(e.status(), english)))
            .append("</span></td></tr>");
      }
      h.append("</tbody></table>");
    }
    h.append("</body></html>");
    return h.toString();
  }

  static String status(Status status, boolean english) {
    return switch (status) {
      case PASSED -> english ? "passed" : "overskredet";
      case UPCOMING -> english ? "upcoming" : "kommende";
      case DONE -> english ? "done" : "opfyldt";
      case LAPSED -> english ? "no longer applies (case closed)" : "bortfaldet (sagen er lukket)";
    };
  }

  private static String esc(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
  }
}
