package dk.preparedreturn.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A fast process test: the whole application context (delegates, services, migrations) on an
 * in-memory H2 database, with a mock servlet environment instead of a web server, without the job executor or demo data. Tests drive jobs
 * and the clock themselves. All classes with this annotation share one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {
    "spring.datasource.url=jdbc:h2:mem:process-test;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "camunda.bpm.job-execution.enabled=false",
    "app.demo.enabled=false",
    "app.mail-catcher.enabled=false",
    "app.notification.sender-enabled=false",
    "app.notification.reminders-enabled=false"
})
public @interface ProcessTest {
}
