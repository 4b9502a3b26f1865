package dk.preparedreturn.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the Liquibase changelog (engine schema and own tables) at start-up, one node at a time.
 * Liquibase's own lock table cannot protect the very first start: two nodes starting together on
 * an empty PostgreSQL database both try to create the lock table and one fails. On PostgreSQL the
 * migration therefore runs under a session-level advisory lock; a node that waits for it finds the
 * schema up to date and changes nothing. (H2, the single-node embedded default, needs no lock.)
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigration {

  /** Advisory lock key: "prepared-return schema". */
  static final long LOCK_KEY = 0x7072657061726564L;

  @Bean(name = EngineSchemaConfiguration.LIQUIBASE_BEAN)
  SpringLiquibase liquibase(DataSource dataSource, @Value("${spring.liquibase.change-log}") String changeLog) {
    SpringLiquibase liquibase = new OneNodeAtATime();
    liquibase.setDataSource(dataSource);
    liquibase.setChangeLog(changeLog);
    return liquibase;
  }

  static final class OneNodeAtATime extends SpringLiquibase {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    @Override
    public void afterPropertiesSet() throws LiquibaseException {
      try (Connection lockConnection = getDataSource().getConnection()) {
        boolean postgres = lockConnection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        if (!postgres) {
          super.afterPropertiesSet();
          return;
        }
        try (Statement statement = lockConnection.createStatement()) {
          long start = System.nanoTime();
          statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
          long waitedMs = (System.nanoTime() - start) / 1_000_000;
          if (waitedMs > 1000) {
            LOG.info("Waited {} ms for another node's schema migration", waitedMs);
          }
          try {
            super.afterPropertiesSet();
          } finally {
            statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
          }
        }
      } catch (SQLException e) {
        throw new LiquibaseException("Cannot take the schema migration lock", e);
      }
    }
  }
}
