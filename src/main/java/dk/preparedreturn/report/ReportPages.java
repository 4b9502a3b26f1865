package dk.preparedreturn.report;

import dk.preparedreturn.identity.Caller;
import dk.preparedreturn.identity.Forbidden;
import dk.preparedreturn.identity.Groups;
import dk.preparedreturn.process.Directory;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The managers' pages (Danish, from templates): {@code /app/reports}, every figure linked to the
 * cases behind it, the trend per quarter drawn as SVG, and who holds each open case; and
 * {@code /app/reports/cases?figure=...&value=...}, the cases behind one figure (reference, phase,
 * country, who holds them; no person data). For managers and administrators.
 */
@Controller
class ReportPages {

  /** The series of the trend chart, in the order of the legend. */
  static final List<String> SERIES = List.of("referrals", "acceptances", "dropOuts", "completed");

  private final ReportService reports;
  private final ReportCases cases;
  private final Directory directory;
  private final KPolicy k;

  ReportPages(ReportService reports, ReportCases cases, Directory directory, KPolicy k) {
    this.k = k;
    this.reports = reports;
    this.cases = cases;
    this.directory = directory;
  }

  @GetMapping("/app/reports")
  String reports(@RequestParam Map<String, String> parameters, Caller caller, HttpServletResponse response,
      Model model) {
    requireManager(caller);
    if (!parameters.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", true);
      return "report-cases";
    }
    ReportService.Summary summary = reports.summary();
    model.addAttribute("s", summary);
    model.addAttribute("phaseMax", Math.max(1L, summary.casesPerPhase().values().stream().mapToLong(Long::longValue)
        .max().orElse(1L)));
    List<ReportCases.CaseRow> open = cases.openCases();
    model.addAttribute("holders", open);
    model.addAttribute("names", names(open));
    List<ReportCases.Quarter> trend = cases.trend();
    model.addAttribute("trend", trend);
    model.addAttribute("chart", TrendChart.of(trend, SERIES));
    model.addAttribute("series", SERIES);
    model.addAttribute("outcomes", outcomes(summary));
    int kValue = k.resolve(null);
    model.addAttribute("sustainability", reports.sustainabilityPerQuarter(kValue));
    model.addAttribute("k", kValue);
    return "reports";
  }

  @GetMapping("/app/reports/cases")
  String cases(@RequestParam Map<String, String> parameters, Caller caller, HttpServletResponse response,
      Model model) {
    requireManager(caller);
    ReportCases.Figure figure = figure(parameters.get("figure"));
    String value = parameters.get("value");
    boolean unknownParameter = parameters.keySet().stream().anyMatch(p -> !Set.of("figure", "value").contains(p));
    if (figure == null || !figure.accepts(value) || unknownParameter) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("error", true);
      return "report-cases";
    }
    List<ReportCases.CaseRow> rows = cases.cases(figure, value);
    model.addAttribute("figure", figure.name());
    model.addAttribute("value", value);
    model.addAttribute("rows", rows);
    model.addAttribute("names", names(rows));
    model.addAttribute("deleted", cases.deletedCases());
    model.addAttribute("max", ReportCases.MAX_ROWS);
    return "report-cases";
  }

  /** Every outcome, also those no case has had yet, so the section is never an empty heading. */
  private static Map<String, Long> outcomes(ReportService.Summary summary) {
    Map<String, Long> all = new java.util.LinkedHashMap<>();
    for (dk.preparedreturn.casefile.CaseOutcome outcome : dk.preparedreturn.casefile.CaseOutcome.values()) {
      all.put(outcome.name(), summary.outcomes().getOrDefault(outcome.name(), 0L));
    }
    return all;
  }

  private Map<String, String> names(List<ReportCases.CaseRow> rows) {
    Map<String, String> names = new HashMap<>();
    rows.forEach(r -> r.holdings().forEach(h -> {
      if (h.assignee() != null) {
        names.computeIfAbsent(h.assignee(), id -> directory.user(id).map(Directory.Member::label).orElse(id));
      }
    }));
    return names;
  }

  private static ReportCases.Figure figure(String name) {
    if (name == null) {
      return null;
    }
    for (ReportCases.Figure figure : ReportCases.Figure.values()) {
      if (figure.name().equals(name)) {
        return figure;
      }
    }
    return null;
  }

  static void requireManager(Caller caller) {
    if (!caller.in(Groups.MANAGERS) && !caller.admin()) {
      throw new Forbidden("Reports are for managers (group ledelse) and administrators");
    }
  }

  /** The trend drawn as lines: the coordinates the template's SVG needs, in a 640 x 260 box. */
  record TrendChart(int width, int height, List<Tick> ticks, List<Label> labels, List<Line> lines) {

    record Tick(long value, double y) {
    }

    record Label(String year, int quarter, double x) {
    }

    record Point(double x, double y, long value) {
    }

    record Line(String series, String points, List<Point> dots) {
    }

    static final int LEFT = 44;
    static final int RIGHT = 16;
    static final int TOP = 14;
    static final int BOTTOM = 40;

    static TrendChart of(List<ReportCases.Quarter> quarters, List<String> series) {
      int width = 640;
      int height = 260;
      double plotWidth = width - LEFT - RIGHT;
      double plotHeight = height - TOP - BOTTOM;
      long max = 1;
      for (ReportCases.Quarter q : quarters) {
        for (String s : series) {
          max = Math.max(max, q.get(s));
        }
      }
      long step = Math.max(1, (long) Math.ceil(max / 4.0));
      long top = step * (long) Math.ceil((double) max / step);
      List<Tick> ticks = new ArrayList<>();
      for (long v = 0; v <= top; v += step) {
        ticks.add(new Tick(v, round(TOP + plotHeight * (1 - (double) v / top))));
      }
      double dx = quarters.size() > 1 ? plotWidth / (quarters.size() - 1) : 0;
      List<Label> labels = new ArrayList<>();
      for (int i = 0; i < quarters.size(); i++) {
        labels.add(new Label(String.valueOf(quarters.get(i).year()), quarters.get(i).quarter(), round(LEFT + i * dx)));
      }
      List<Line> lines = new ArrayList<>();
      for (String s : series) {
        List<Point> dots = new ArrayList<>();
        StringBuilder points = new StringBuilder(); // coordinates for the polyline, not markup
        for (int i = 0; i < quarters.size(); i++) {
          long v = quarters.get(i).get(s);
          Point p = new Point(round(LEFT + i * dx), round(TOP + plotHeight * (1 - (double) v / top)), v);
          dots.add(p);
          points.append(i == 0 ? "" : " ").append(p.x()).append(',').append(p.y());
        }
        lines.add(new Line(s, points.toString(), dots));
      }
      return new TrendChart(width, height, ticks, labels, lines);
    }

    private static double round(double v) {
      return Math.round(v * 10) / 10.0;
    }
  }
}
