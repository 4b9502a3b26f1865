package dk.preparedreturn.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Flow-node and sequence-flow coverage per model over the whole test run: the process-test-coverage extension writes
 * one report per test class (target/process-test-coverage/[class]/report.json); this gate, which
 * runs after every other test class, adds them up per model, writes
 * target/process-test-coverage/summary.md and fails unless every flow node of every model in
 * processes/ was executed, and every sequence flow taken, by some test. Only reports of this test run count.
 */
@Order(Integer.MAX_VALUE)
class ProcessCoverageGateTest {

  static final Path REPORTS = Path.of("target", "process-test-coverage");

  @Test
  void everyFlowNodeAndSequenceFlowOfEveryModelIsCoveredByTheSuite() throws IOException {
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    ObjectMapper json = new ObjectMapper();
    Map<String, String> xmlByModel = new TreeMap<>();
    Map<String, Set<String>> coveredNodes = new HashMap<>();
    Map<String, Set<String>> takenFlows = new HashMap<>();
    List<Path> reports;
    try (Stream<Path> files = Files.exists(REPORTS) ? Files.walk(REPORTS) : Stream.empty()) {
      reports = files.filter(p -> p.getFileName().toString().equals("report.json"))
          .filter(p -> p.toFile().lastModified() >= jvmStart).toList();
    }
    assertThat(reports).as("coverage reports of this run (run the whole suite: ./mvnw verify)").isNotEmpty();
    for (Path report : reports) {
      JsonNode root = json.readTree(report.toFile());
      root.get("models").forEach(m -> xmlByModel.put(m.get("key").asText(), m.get("xml").asText()));
      for (JsonNode suite : root.get("suites")) {
        for (JsonNode run : suite.get("runs")) {
          for (JsonNode event : run.get("events")) {
            String model = event.get("modelKey").asText();
            String id = event.get("definitionKey").asText();
            if ("FLOW_NODE".equals(event.get("source").asText())) {
              coveredNodes.computeIfAbsent(model, k -> new HashSet<>()).add(id);
            } else if ("SEQUENCE_FLOW".equals(event.get("source").asText())) {
              takenFlows.computeIfAbsent(model, k -> new HashSet<>()).add(id);
            }
          }
        }
      }
    }
    Set<String> expected = processesInFolder();
    assertThat(xmlByModel.keySet()).as("every model in processes/ was run by a test").containsAll(expected);

    StringBuilder summary = new StringBuilder("# Coverage per model\n\n"
        + "| model | flow nodes | covered | sequence flows | taken | missing flow nodes and flows |\n"
        + "|---|---|---|---|---|---|\n");
    Map<String, Set<String>> missing = new TreeMap<>();
    Map<String, Set<String>> missingFlows = new TreeMap<>();
    for (String model : expected) {
      BpmnModelInstance instance = Bpmn.readModelFromStream(
          new ByteArrayInputStream(xmlByModel.get(model).getBytes(StandardCharsets.UTF_8)));
      Set<String> nodes = new TreeSet<>();
      instance.getModelElementsByType(FlowNode.class).forEach(n -> nodes.add(n.getId()));
      Set<String> flows = new TreeSet<>();
      instance.getModelElementsByType(SequenceFlow.class).forEach(f -> flows.add(f.getId()));
      Set<String> notCovered = new TreeSet<>(nodes);
      notCovered.removeAll(coveredNodes.getOrDefault(model, Set.of()));
      Set<String> flowsTaken = new HashSet<>(flows);
      flowsTaken.retainAll(takenFlows.getOrDefault(model, Set.of()));
      if (!notCovered.isEmpty()) {
        missing.put(model, notCovered);
      }
      Set<String> notTaken = new TreeSet<>(flows);
      notTaken.removeAll(flowsTaken);
      if (!notTaken.isEmpty()) {
        missingFlows.put(model, notTaken);
      }
      Set<String> notCoveredAtAll = new TreeSet<>(notCovered);
      notCoveredAtAll.addAll(notTaken);
      summary.append("| ").append(model).append(" | ").append(nodes.size()).append(" | ")
          .append(percent(nodes.size() - notCovered.size(), nodes.size())).append(" | ").append(flows.size())
          .append(" | ").append(percent(flowsTaken.size(), flows.size())).append(" | ")
          .append(String.join(", ", notCoveredAtAll)).append(" |\n");
    }
    Files.createDirectories(REPORTS);
    Files.writeString(REPORTS.resolve("summary.md"), summary.toString());
    System.out.println(summary);
    assertThat(missing).as("flow nodes no test executed").isEmpty();
    assertThat(missingFlows).as("sequence flows no test took").isEmpty();
  }

  static String percent(int part, int whole) {
    return whole == 0 ? "-" : String.format("%.0f %%", 100.0 * part / whole);
  }

  static Set<String> processesInFolder() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class).forEach(p -> keys.add(p.getId()));
      }
    }
    return keys;
  }

}
