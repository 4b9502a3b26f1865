package dk.preparedreturn.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package structure, as a test.
 *
 * <ul>
 *   <li>No cycles between the top-level packages: each can be understood and changed from its own
 *       dependencies down.</li>
 *   <li>The features (the journey's phases, the case module, notifications, reports, ...) touch the
 *       Camunda engine only through {@code process}: they see the task or execution a listener is given
 *       ({@code engine.delegate}), typed values ({@code engine.variable}) and the engine's exceptions,
 *       never the engine's services, its query results or its internals. Infrastructure that is the
 *       engine's own configuration (process, security, users, tasklist, forms, demo, api) may.</li>
 * </ul>
 */
class ArchitectureTest {

  private static final JavaClasses SERVICE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dk.preparedreturn");

  private static final String[] FEATURES = {"dk.preparedreturn.audit..", "dk.preparedreturn.caseevents..",
      "dk.preparedreturn.casefile..", "dk.preparedreturn.casepage..", "dk.preparedreturn.deadlines..", "dk.preparedreturn.documents..",
      "dk.preparedreturn.identification..", "dk.preparedreturn.identity..", "dk.preparedreturn.journey..",
      "dk.preparedreturn.notification..", "dk.preparedreturn.preparation..", "dk.preparedreturn.referral..",
      "dk.preparedreturn.reflection..", "dk.preparedreturn.reintegration..", "dk.preparedreturn.report..",
      "dk.preparedreturn.retention..", "dk.preparedreturn.safeguarding..", "dk.preparedreturn.web.."};

  /** The engine's services, its query API and results, its internals. */
  private static final DescribedPredicate<JavaClass> ENGINE_BEYOND_THE_LISTENER_API =
      resideInAnyPackage("org.camunda.bpm.engine.impl..", "org.camunda.bpm.engine.runtime..",
          "org.camunda.bpm.engine.history..", "org.camunda.bpm.engine.repository..",
          "org.camunda.bpm.engine.identity..", "org.camunda.bpm.engine.authorization..",
          "org.camunda.bpm.engine.management..", "org.camunda.bpm.engine.task..")
          .or(resideInAnyPackage("org.camunda.bpm.engine").and(simpleNameEndingWith("Service")
              .or(simpleNameEndingWith("ProcessEngine")).or(simpleNameEndingWith("ProcessEngineConfiguration"))))
          .as("the engine's services, queries and internals");

  @Test
  void noCyclesBetweenPackages() {
    slices().matching("dk.preparedreturn.(*)..").should().beFreeOfCycles().check(SERVICE);
  }

  @Test
  void featuresReachTheEngineOnlyThroughProcess() {
    noClasses().that().resideInAnyPackage(FEATURES)
        .should().dependOnClassesThat(ENGINE_BEYOND_THE_LISTENER_API)
        .because("the process package is the one seam between the service and the engine")
        .check(SERVICE);
  }
}
