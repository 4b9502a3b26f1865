package dk.preparedreturn.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts database round trips through a JDBC proxy around the application's {@link DataSource}:
 * every statement execution, every {@code executeBatch} (one round trip however many statements it
 * carries) and every commit and rollback. Counts are kept per thread (an operation of a caseworker
 * or a job runs on one thread, so background work of other threads never disturbs a measurement)
 * and in total (for throughput figures).
 *
 * <p>Connection checks of the pool (HikariCP's {@code isValid}) run below the proxy and are not
 * counted, nor are the PostgreSQL driver's implicit {@code BEGIN}s, which travel with the first
 * statement of a transaction.
 */
public final class RoundTrips {

  /** What one thread (or everything) sent to the database. */
  public static final class Counts {
    long selects;
    long inserts;
    long updates;
    long deletes;
    long other;
    long batches;
    long batchedStatements;
    long commits;
    long rollbacks;

    public long selects() {
      return selects;
    }

    /** Statements that change rows, single or batched. */
    public long writes() {
      return inserts + updates + deletes + batchedStatements;
    }

    public long batches() {
      return batches;
    }

    public long commits() {
      return commits;
    }

    public long rollbacks() {
      return rollbacks;
    }

    /** Statements executed one by one + batches + commits + rollbacks. */
    public long roundTrips() {
      return selects + inserts + updates + deletes + other + batches + commits + rollbacks;
    }

    public Counts minus(Counts before) {
      Counts d = new Counts();
      d.selects = selects - before.selects;
      d.inserts = inserts - before.inserts;
      d.updates = updates - before.updates;
      d.deletes = deletes - before.deletes;
      d.other = other - before.other;
      d.batches = batches - before.batches;
      d.batchedStatements = batchedStatements - before.batchedStatements;
      d.commits = commits - before.commits;
      d.rollbacks = rollbacks - before.rollbacks;
      return d;
    }

    Counts copy() {
      return minus(new Counts());
    }

    @Override
    public String toString() {
      return roundTrips() + " round trips (" + selects + " selects, " + (inserts + updates + deletes + other)
          + " single statements, " + batches + " batches of " + batchedStatements + " statements, " + commits
          + " commits, " + rollbacks + " rollbacks)";
    }
  }

  private static final ThreadLocal<Counts> THREAD = ThreadLocal.withInitial(Counts::new);
  /** The SQL this thread sends while a capture runs (for finding where round trips go). */
  private static final ThreadLocal<java.util.List<String>> CAPTURE = new ThreadLocal<>();
  private static final LongAdder TOTAL_ROUND_TRIPS = new LongAdder();
  private static final LongAdder TOTAL_COMMITS = new LongAdder();
  private static final LongAdder TOTAL_STATEMENTS = new LongAdder();
  /** Commits by where they come from, while {@link #countCommitOrigins} is on (benchmark diagnosis). */
  private static final java.util.concurrent.ConcurrentHashMap<String, LongAdder> COMMIT_ORIGINS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static volatile boolean countOrigins;

  private RoundTrips() {
  }

  /** Wraps every {@link DataSource} bean of an application context in the counting proxy. */
  public static BeanPostProcessor beanPostProcessor() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource ds && !Proxy.isProxyClass(ds.getClass()) ? wrap(ds) : bean;
      }
    };
  }

  public static DataSource wrap(DataSource target) {
    return proxy(DataSource.class, target, (proxy, method, args) -> {
      Object result = invoke(target, method, args);
      if (result instanceof Connection connection) {
        return connection(connection);
      }
      return result;
    });
  }

  /** What this thread has sent so far (a snapshot). */
  public static Counts thread() {
    return THREAD.get().copy();
  }

  /** Runs the action and returns what this thread sent to the database meanwhile. */
  public static Counts measure(Runnable action) {
    Counts before = thread();
    action.run();
    return thread().minus(before);
  }

  public static <T> T measure(Supplier<T> action, java.util.function.Consumer<Counts> sink) {
    Counts before = thread();
    T result = action.get();
    sink.accept(thread().minus(before));
    return result;
  }

  /** Runs the action and returns the SQL this thread sent meanwhile ("batch of n" for a JDBC batch, "commit"). */
  public static java.util.List<String> capture(Runnable action) {
    java.util.List<String> statements = new java.util.ArrayList<>();
    CAPTURE.set(statements);
    try {
      action.run();
    } finally {
      CAPTURE.remove();
    }
    return statements;
  }

  private static void captured(String text) {
    java.util.List<String> statements = CAPTURE.get();
    if (statements != null) {
      statements.add(text);
    }
  }

  /** Round trips of all threads since the JVM started. */
  public static long totalRoundTrips() {
    return TOTAL_ROUND_TRIPS.sum();
  }

  public static long totalCommits() {
    return TOTAL_COMMITS.sum();
  }

  /**
   * Starts counting commits by origin: the first frame of the service's own code (or of the engine's
   * job executor, or the caller's entry into the engine's API) on the committing thread's stack.
   */
  public static void countCommitOrigins() {
    COMMIT_ORIGINS.clear();
    countOrigins = true;
  }

  /** The commits by origin counted since {@link #countCommitOrigins()}; stops counting. */
  public static java.util.Map<String, Long> commitOrigins() {
    countOrigins = false;
    java.util.Map<String, Long> counted = new java.util.TreeMap<>();
    COMMIT_ORIGINS.forEach((origin, n) -> counted.put(origin, n.sum()));
    return counted;
  }

  private static String origin() {
    StackTraceElement[] stack = Thread.currentThread().getStackTrace();
    int engineApi = -1;
    for (int i = 0; i < stack.length; i++) {
      String type = stack[i].getClassName();
      if (type.startsWith("org.camunda.bpm.engine.impl.jobexecutor.")) {
        return "engine job executor: " + simple(type);
      }
      if (type.startsWith("org.camunda.bpm.engine.impl.") && type.endsWith("ServiceImpl")) {
        engineApi = i; // the outermost call into the engine's API
      }
    }
    // the service's own code around the engine call (or committing by itself)
    for (int i = engineApi + 1; i < stack.length; i++) {
      String type = stack[i].getClassName();
      if (type.startsWith("dk.preparedreturn.") && !type.startsWith("dk.preparedreturn.testsupport")
          && !type.startsWith("dk.preparedreturn.bench")) {
        String own = simple(type).replaceAll("\\$\\$SpringCGLIB\\$\\$\\d+", "") + "." + stack[i].getMethodName();
        return engineApi >= 0 ? own + " → engine API " + simple(stack[engineApi].getClassName()) + "."
            + stack[engineApi].getMethodName() : own;
      }
    }
    if (engineApi >= 0) {
      return "engine API: " + simple(stack[engineApi].getClassName()) + "." + stack[engineApi].getMethodName();
    }
    return "other: " + Thread.currentThread().getName().replaceAll("\\d+", "#");
  }

  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }


  public static long totalStatements() {
    return TOTAL_STATEMENTS.sum();
  }

  /** Whether PostgreSQL's driver has no transaction open on the connection (then commit and rollback send nothing). */
  private static boolean idle(Connection connection) {
    try {
      return connection.isWrapperFor(org.postgresql.core.BaseConnection.class)
          && connection.unwrap(org.postgresql.core.BaseConnection.class).getTransactionState()
          == org.postgresql.core.TransactionState.IDLE;
    } catch (java.sql.SQLException e) {
      return false;
    }
  }

  private static Connection connection(Connection target) {
    return proxy(Connection.class, target, (proxy, method, args) -> {
      String name = method.getName();
      // a commit or rollback that fails has still been a round trip; one on a transaction without a
      // statement is not: PostgreSQL's driver sends nothing then (as it began nothing)
      if ((name.equals("commit") || name.equals("rollback")) && idle(target)) {
        return invoke(target, method, args);
      }
      if (name.equals("commit")) {
        captured("commit");
        THREAD.get().commits++;
        TOTAL_COMMITS.increment();
        if (countOrigins) {
          COMMIT_ORIGINS.computeIfAbsent(origin(), k -> new LongAdder()).increment();
        }
        TOTAL_ROUND_TRIPS.increment();
      } else if (name.equals("rollback")) {
        captured("rollback");
        THREAD.get().rollbacks++;
        TOTAL_ROUND_TRIPS.increment();
      }
      Object result = invoke(target, method, args);
      switch (name) {
        case "prepareStatement" -> {
          return statement(PreparedStatement.class, (Statement) result, (String) args[0]);
        }
        case "prepareCall" -> {
          return statement(CallableStatement.class, (Statement) result, (String) args[0]);
        }
        case "createStatement" -> {
          return statement(Statement.class, (Statement) result, null);
        }
        default -> {
        }
      }
      return result;
    });
  }

  private static <S extends Statement> S statement(Class<S> type, Statement target, String preparedSql) {
    return proxy(type, target, (proxy, method, args) -> {
      String name = method.getName();
      if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
        Object result = invoke(target, method, args);
        int statements = result instanceof int[] counts ? counts.length
            : result instanceof long[] counts ? counts.length : 0;
        captured("batch of " + statements + ": " + preparedSql);
        Counts counts = THREAD.get();
        counts.batches++;
        counts.batchedStatements += statements;
        TOTAL_ROUND_TRIPS.increment();
        TOTAL_STATEMENTS.add(statements);
        return result;
      }
      if (name.startsWith("execute")) {
        count(args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql);
        return invoke(target, method, args);
      }
      return invoke(target, method, args);
    });
  }

  private static void count(String sql) {
    captured(sql);
    Counts counts = THREAD.get();
    String verb = sql == null ? "" : sql.stripLeading().toLowerCase(Locale.ROOT);
    if (verb.startsWith("select") || verb.startsWith("with")) {
      counts.selects++;
    } else if (verb.startsWith("insert")) {
      counts.inserts++;
    } else if (verb.startsWith("update")) {
      counts.updates++;
    } else if (verb.startsWith("delete")) {
      counts.deletes++;
    } else {
      counts.other++;
    }
    TOTAL_ROUND_TRIPS.increment();
    TOTAL_STATEMENTS.increment();
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
    return (T) Proxy.newProxyInstance(RoundTrips.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> iface
          && iface.isInstance(target)) {
        return target;
      }
      if (method.getName().equals("isWrapperFor") && args != null && args[0] instanceof Class<?> iface
          && iface.isInstance(target)) {
        return true;
      }
      if (method.getName().equals("equals")) {
        return proxy == args[0];
      }
      if (method.getName().equals("hashCode")) {
        return System.identityHashCode(proxy);
      }
      return handler.invoke(proxy, method, args);
    });
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
