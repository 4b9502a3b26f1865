package dk.preparedreturn.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.preparedreturn.testsupport.ProcessTest;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

@ProcessTest
class ProcessesDeploymentTest {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  ProcessesDeployment processesDeployment;

  @Test
  void deploysEveryModelOfTheProcessesFolderUnderItsRelativeName() throws IOException {
    List<String> expected = modelsInProcessesFolder();
    assertThat(expected).isNotEmpty();

    List<Deployment> deployments = repositoryService.createDeploymentQuery()
        .deploymentName(ProcessesDeployment.DEPLOYMENT_NAME).list();
    assertThat(deployments).hasSize(1);
    List<String> deployed = repositoryService.getDeploymentResources(deployments.get(0).getId()).stream()
        .map(Resource::getName).sorted().toList();
    assertThat(deployed).containsExactlyElementsOf(expected);
  }

  @Test
  void deployingAgainWithoutChangesCreatesNoDeploymentAndNoVersion() {
    long deployments = repositoryService.createDeploymentQuery().count();
    long processVersions = repositoryService.createProcessDefinitionQuery().count();
    long decisionVersions = repositoryService.createDecisionDefinitionQuery().count();
    String latest = repositoryService.createDeploymentQuery().deploymentName(ProcessesDeployment.DEPLOYMENT_NAME)
        .singleResult().getId();

    String id = processesDeployment.deploy(repositoryService);

    assertThat(id).isEqualTo(latest);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(processVersions);
    assertThat(repositoryService.createDecisionDefinitionQuery().count()).isEqualTo(decisionVersions);
  }

  @Test
  void namesAreRelativeToTheProcessesFolderWhereverTheClasspathRootIs(@TempDir Path root) throws IOException {
    Path nested = root.resolve("some folder/processes");
    Files.createDirectories(nested.resolve("phases"));
    Files.writeString(nested.resolve("Main.bpmn"), "<x/>");
    Files.writeString(nested.resolve("phases/Phase.bpmn"), "<x/>");
    Files.writeString(nested.resolve("phases/Form.form"), "{}");
    Files.writeString(nested.resolve("notes.txt"), "not a model");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.resolve("some folder").toUri().toURL()}, null)) {
      var deployment = new ProcessesDeployment(new PathMatchingResourcePatternResolver(loader), null, null);
      assertThat(deployment.findModels().keySet())
          .containsExactly("Main.bpmn", "phases/Form.form", "phases/Phase.bpmn");
    }
  }

  @Test
  void anEmptyProcessesFolderIsAnErrorNotASilentNoOp(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("processes"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
      var deployment = new ProcessesDeployment(new PathMatchingResourcePatternResolver(loader), null, null);
      assertThatThrownBy(deployment::findModels).hasMessageContaining("No .bpmn/.dmn/.form files found");
    }
  }

  /** The files in the top-level processes/ folder of the project, relative to it. */
  static List<String> modelsInProcessesFolder() throws IOException {
    Path folder = Path.of("processes");
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile)
          .map(f -> folder.relativize(f).toString().replace('\\', '/'))
          .filter(name -> ProcessesDeployment.SUFFIXES.stream().anyMatch(name::endsWith))
          .sorted().toList();
    }
  }
}
