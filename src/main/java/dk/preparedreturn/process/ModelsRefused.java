package dk.preparedreturn.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment broke the {@link ModelRules}: nothing was deployed. Camunda's REST API answers a
 * {@link ParseException} with 400, the message (which Camunda Modeler shows in its deploy dialog)
 * and every problem per file under {@code details}.
 */
public class ModelsRefused extends ParseException {

  private final transient List<ModelRules.Problem> problems;

  public ModelsRefused(List<ModelRules.Problem> problems) {
    super(message(problems), problems.get(0).resource(), List.of(), List.of());
    this.problems = List.copyOf(problems);
  }

  public List<ModelRules.Problem> problems() {
    return problems;
  }

  static String message(List<ModelRules.Problem> problems) {
    return "Modellerne blev ikke deployet (" + problems.size() + (problems.size() == 1 ? " problem" : " problemer")
        + "): " + problems.stream().map(ModelRules.Problem::toString).collect(Collectors.joining("; "));
  }

  @Override
  public List<ResourceReport> getResorceReports() {
    Map<String, List<org.camunda.bpm.engine.Problem>> byResource = new LinkedHashMap<>();
    for (ModelRules.Problem problem : problems) {
      byResource.computeIfAbsent(problem.resource(), r -> new ArrayList<>()).add(new Reported(problem));
    }
    List<ResourceReport> reports = new ArrayList<>();
    byResource.forEach((resource, errors) -> reports.add(new Report(resource, errors)));
    return reports;
  }

  private record Report(String resourceName, List<org.camunda.bpm.engine.Problem> errors) implements ResourceReport {
    @Override
    public String getResourceName() {
      return resourceName;
    }

    @Override
    public List<org.camunda.bpm.engine.Problem> getErrors() {
      return errors;
    }

    @Override
    public List<org.camunda.bpm.engine.Problem> getWarnings() {
      return List.of();
    }
  }

  private record Reported(ModelRules.Problem problem) implements org.camunda.bpm.engine.Problem {
    @Override
    public String getMessage() {
      return problem.element() == null ? problem.message() : problem.element() + ": " + problem.message();
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public String getMainElementId() {
      return null;
    }

    @Override
    public List<String> getElementIds() {
      return List.of();
    }
  }
}
