package dk.preparedreturn.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL database of the integration tests. Found through environment variables:
 *
 * <ul>
 *   <li>{@code TEST_PG_HOST} (default 127.0.0.1), {@code TEST_PG_PORT} (5432)</li>
 *   <li>{@code TEST_PG_USER} (postgres), {@code TEST_PG_PASSWORD} (empty)</li>
 *   <li>{@code TEST_PG_DATABASE} (prepared_return_test; must end in {@code _test})</li>
 * </ul>
 *
 * <p>The database is created when missing, and its {@code public} schema is dropped and recreated
 * once per test JVM, so every run migrates a fresh database. When PostgreSQL cannot be reached the
 * tests fail with a message that says how to start it; they are never skipped.
 */
public final class TestDatabase {

  public static final String HOST = env("TEST_PG_HOST", "127.0.0.1");
  public static final String PORT = env("TEST_PG_PORT", "5432");
  public static final String USER = env("TEST_PG_USER", "postgres");
  public static final String PASSWORD = env("TEST_PG_PASSWORD", "");
  public static final String NAME = env("TEST_PG_DATABASE", "prepared_return_test");

  private static boolean reset;

  private TestDatabase() {
  }

  public static String url() {
    return url(NAME);
  }

  public static String url(String database) {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
  }

  /** Makes sure the test database exists and was reset in this JVM; returns its JDBC URL. */
  public static synchronized String ensure() {
    if (!NAME.endsWith("_test")) {
      throw new IllegalStateException("TEST_PG_DATABASE must end in _test (it is reset by the tests): " + NAME);
    }
    if (!reset) {
      try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
        var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + NAME + "'");
        if (!rs.next()) {
          st.execute("CREATE DATABASE " + NAME);
        }
      } catch (SQLException e) {
        throw unreachable(e);
      }
      try (Connection db = connect(NAME); Statement st = db.createStatement()) {
        st.execute("DROP SCHEMA IF EXISTS public CASCADE");
        st.execute("CREATE SCHEMA public");
      } catch (SQLException e) {
        throw unreachable(e);
      }
      reset = true;
    }
    return url();
  }

  public static Connection connect() throws SQLException {
    return connect(NAME);
  }

  public static Connection connect(String database) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", USER);
    props.setProperty("password", PASSWORD);
    props.setProperty("connectTimeout", "5");
    return DriverManager.getConnection(url(database), props);
  }

  /**
   * The name of a further test database of its own for one test class, next to the shared one:
   * {@code prepared_return_test} gives {@code prepared_return_<purpose>_test}. Derived from
   * {@code TEST_PG_DATABASE}, so two builds on different test databases never share it.
   */
  public static String sibling(String purpose) {
    if (!NAME.endsWith("_test") || !purpose.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalStateException("TEST_PG_DATABASE must end in _test and the purpose be lower-case: " + NAME);
    }
    return NAME.substring(0, NAME.length() - "_test".length()) + "_" + purpose + "_test";
  }

  /** Drops (disconnecting its sessions) and creates the named test database; returns its JDBC URL. */
  public static String recreate(String database) {
    drop(database);
    try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw unreachable(e);
    }
    return url(database);
  }

  /** Drops the named test database if it exists, disconnecting its sessions first. */
  public static void drop(String database) {
    if (!database.endsWith("_test") || !database.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("Only databases named *_test are dropped: " + database);
    }
    try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
      st.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
    } catch (SQLException missing) {
      // no such database: nothing to re-open
    }
    try (Connection admin = connect("postgres"); Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } catch (SQLException e) {
      throw unreachable(e);
    }
  }

  /** Registers the datasource of a Spring Boot test on the test database. */
  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", TestDatabase::ensure);
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> PASSWORD);
  }

  private static IllegalStateException unreachable(SQLException e) {
    return new IllegalStateException("""
        PostgreSQL is not reachable at %s:%s as user %s (%s).
        The integration tests need a PostgreSQL 14+ server. Start the local one with
            pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start
        or point TEST_PG_HOST, TEST_PG_PORT, TEST_PG_USER, TEST_PG_PASSWORD at one
        (the database %s is created when missing). See README.md, "Tests".""".formatted(
        HOST, PORT, USER, e.getMessage(), NAME), e);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
