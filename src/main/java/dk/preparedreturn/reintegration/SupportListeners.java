package dk.preparedreturn.reintegration;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task listeners of the monthly support, as named in {@code SupportMonth.bpmn}. */
@Configuration(proxyBeanMethods = false)
class SupportListeners {

  @Bean
  TaskListener prefillCashSupport(SupportPayments payments) {
    return payments::prefillCash;
  }

  @Bean
  TaskListener recordCashSupport(SupportPayments payments) {
    return payments::recordCash;
  }

  @Bean
  TaskListener validateReimbursementClaims(SupportPayments payments) {
    return task -> ReintegrationProcess.CLAIMS_SUBMITTED.set(task, payments.validateClaims(task) > 0);
  }

  @Bean
  TaskListener recordClaimDecisions(SupportPayments payments) {
    return payments::recordClaimDecisions;
  }
}
