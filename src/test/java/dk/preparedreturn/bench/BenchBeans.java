package dk.preparedreturn.bench;

import dk.preparedreturn.process.ModelBeans;
import dk.preparedreturn.testsupport.RoundTrips;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Beans the benchmarks add to a service node (a plain class with {@code @Bean} methods, so the
 * application's component scan never picks it up): the round-trip counter around the data source,
 * and the delegates of the benchmark models.
 */
public class BenchBeans {

  /** What a delegate of the benchmark models did, per process instance. */
  record Effect(AtomicInteger runs, long firstRunAtMillis, String node) {
  }

  /** Side effects of {@code benchSideEffect}: not transactional, like a mail sent or a call made. */
  static final Map<String, Effect> EFFECTS = new ConcurrentHashMap<>();

  /** Executions of {@code benchNoop} (flow control of the micro-journey clients). */
  static final AtomicLong NOOP_RUNS = new AtomicLong();

  @Bean
  static BeanPostProcessor countingDataSource() {
    return RoundTrips.beanPostProcessor();
  }

  /** The benchmark models' delegates, visible to their expressions (the service exposes only listed beans). */
  @Bean
  ModelBeans benchModelBeans() {
    return ModelBeans.of("benchNoop", "benchSideEffect");
  }

  @Bean
  JavaDelegate benchNoop() {
    return execution -> NOOP_RUNS.incrementAndGet();
  }

  @Bean
  JavaDelegate benchSideEffect(Environment environment) {
    String node = environment.getProperty("test.node", "node");
    return execution -> record(execution.getProcessInstanceId(), node);
  }

  static void record(String processInstanceId, String node) {
    long now = System.currentTimeMillis();
    EFFECTS.computeIfAbsent(processInstanceId, id -> new Effect(new AtomicInteger(), now, node)).runs()
        .incrementAndGet();
  }
}
