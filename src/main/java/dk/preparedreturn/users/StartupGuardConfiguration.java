package dk.preparedreturn.users;

import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link StartupGuard} checks the configuration before anything connects to the database: the
 * data source (and so Liquibase and the engine) depends on it.
 */
@Configuration(proxyBeanMethods = false)
class StartupGuardConfiguration {

  static final String DATA_SOURCE_BEAN = "dataSource";
  static final String GUARD_BEAN = "startupGuard";

  @Bean
  static BeanFactoryPostProcessor dataSourceAfterStartupGuard() {
    return beanFactory -> {
      if (beanFactory.containsBeanDefinition(DATA_SOURCE_BEAN) && beanFactory.containsBeanDefinition(GUARD_BEAN)) {
        BeanDefinition dataSource = beanFactory.getBeanDefinition(DATA_SOURCE_BEAN);
        String[] dependsOn = dataSource.getDependsOn() == null ? new String[0] : dataSource.getDependsOn();
        if (!Arrays.asList(dependsOn).contains(GUARD_BEAN)) {
          dataSource.setDependsOn(Stream.concat(Arrays.stream(dependsOn), Stream.of(GUARD_BEAN)).toArray(String[]::new));
        }
      }
    };
  }
}
