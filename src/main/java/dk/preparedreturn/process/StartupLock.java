package dk.preparedreturn.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The start-up set-up of the groups, the administrator, the standing authorizations and the
 * Tasklist filters creates what is missing: "look, then create". Two nodes that do it at the same
 * moment on one database both find a group missing and one of them stops with "The group already
 * exists" (or a duplicate authorization, or a second set of filters). On PostgreSQL each set-up
 * step therefore runs under a transaction-level advisory lock held on a connection of its own: a
 * node that waited for it finds everything in place and changes nothing. The lock goes with the
 * transaction, so it is released even when the step fails. (H2, the single-node embedded default,
 * needs no lock. The models are deployed under the engine's own deployment lock.)
 */
public final class StartupLock {

  /** Advisory lock key: "prepared-return start-up set-up" (the schema migration uses {@link SchemaMigration#LOCK_KEY}). */
  static final long LOCK_KEY = SchemaMigration.LOCK_KEY + 1;

  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private StartupLock() {
  }

  /** Runs {@code step} while no other node of the same database runs a start-up set-up step. */
  public static void exclusively(ProcessEngine engine, String step, Runnable work) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!"postgres".equals(configuration.getDatabaseType())) {
      work.run();
      return;
    }
    DataSource dataSource = configuration.getDataSource();
    try (Connection lock = dataSource.getConnection()) {
      lock.setAutoCommit(false);
      try (Statement statement = lock.createStatement()) {
        long start = System.nanoTime();
        statement.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
        long waitedMs = (System.nanoTime() - start) / 1_000_000;
        if (waitedMs > 1000) {
          LOG.info("Waited {} ms for another node's start-up set-up ({})", waitedMs, step);
        }
        work.run();
      } finally {
        // ends the transaction and with it the lock
        lock.rollback();
        lock.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot take the start-up lock for " + step, e);
    }
  }
}
