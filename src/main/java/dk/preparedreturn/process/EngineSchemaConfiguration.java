package dk.preparedreturn.process;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine schema comes from the Liquibase changelog shipped inside camunda-engine (included by
 * {@code db/changelog/db.changelog-master.yaml}, together with our own tables), and the engine runs
 * with {@code schema-update: false}. Spring does not order the engine after Liquibase by itself:
 * with the webapp starter the engine is created first and fails with ENGINE-03057 ("no Camunda
 * tables"). This makes the engine configuration depend on the {@code liquibase} bean.
 */
@Configuration(proxyBeanMethods = false)
class EngineSchemaConfiguration {

  static final String ENGINE_CONFIGURATION_BEAN = "processEngineConfigurationImpl";
  static final String LIQUIBASE_BEAN = "liquibase";

  @Bean
  static BeanFactoryPostProcessor engineStartsAfterLiquibase() {
    return beanFactory -> {
      if (beanFactory.containsBeanDefinition(ENGINE_CONFIGURATION_BEAN)
          && beanFactory.containsBeanDefinition(LIQUIBASE_BEAN)) {
        BeanDefinition engine = beanFactory.getBeanDefinition(ENGINE_CONFIGURATION_BEAN);
        String[] dependsOn = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
        if (!Arrays.asList(dependsOn).contains(LIQUIBASE_BEAN)) {
          engine.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(LIQUIBASE_BEAN))
              .toArray(String[]::new));
        }
      }
    };
  }
}
