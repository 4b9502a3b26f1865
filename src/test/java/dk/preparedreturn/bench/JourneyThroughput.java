package dk.preparedreturn.bench;

import dk.preparedreturn.referral.Referral;
import dk.preparedreturn.referral.ReferralService;
import dk.preparedreturn.testsupport.Caseworkers;
import dk.preparedreturn.testsupport.Journey;
import dk.preparedreturn.testsupport.JourneyScript;
import dk.preparedreturn.testsupport.RoundTrips;
import dk.preparedreturn.testsupport.ServiceNode;
import dk.preparedreturn.testsupport.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * B1: whole journeys of the real models on a service node (PostgreSQL, history full, authorization
 * on, mails sent), from referral to closure at month 12. A cohort of cases runs at once, each case
 * on a thread of its own following {@link JourneyScript}; at most {@code clients} of them talk to the
 * engine at the same moment, as that many caseworkers would. Every task is claimed and completed
 * through the engine services Tasklist calls, as a caseworker of the task's group. The cases move
 * in step through time: when every case waits for the next day, the engine clock moves there and the
 * node's job executor fires what became due (reminders, deadlines, support months); then the cases
 * go on. The first cohort warms the node up and is not counted.
 */
final class JourneyThroughput {

  /** One cohort's figures. */
  record Cohort(int cases, double seconds, long roundTrips, long commits, long tasks, double[] cpu) {
  }

  /** The whole measurement. */
  record Result(int casesPerCohort, int clients, List<Cohort> measured, long serverCommits) {

    double seconds() {
      return measured.stream().mapToDouble(Cohort::seconds).sum();
    }

    long journeys() {
      return measured.stream().mapToLong(Cohort::cases).sum();
    }

    double journeysPerSecond() {
      return journeys() / seconds();
    }

    double roundTripsPerSecond() {
      return measured.stream().mapToLong(Cohort::roundTrips).sum() / seconds();
    }

    double commitsPerSecond() {
      return measured.stream().mapToLong(Cohort::commits).sum() / seconds();
    }

    double roundTripsPerJourney() {
      return (double) measured.stream().mapToLong(Cohort::roundTrips).sum() / journeys();
    }

    double commitsPerJourney() {
      return (double) measured.stream().mapToLong(Cohort::commits).sum() / journeys();
    }

    double tasksPerSecond() {
      return measured.stream().mapToLong(Cohort::tasks).sum() / seconds();
    }
  }

  private final ServiceNode node;
  private final ReferralService referrals;
  private final dk.preparedreturn.testsupport.Receipts receipts;
  private final Caseworkers caseworkers;
  private final int clients;
  private final String database;

  JourneyThroughput(ServiceNode node, String database, int clients) {
    this.node = node;
    this.database = database;
    this.referrals = node.context().getBean(ReferralService.class);
    this.receipts = new dk.preparedreturn.testsupport.Receipts(
        node.context().getBean(dk.preparedreturn.documents.Documents.class),
        node.context().getBean(dk.preparedreturn.casefile.CaseService.class));
    this.caseworkers = new Caseworkers(node.engine());
    this.clients = clients;
  }

  Result run(int casesPerCohort, int cohorts, LocalDate firstReferral) throws Exception {
    List<Cohort> measured = new ArrayList<>();
    for (int c = 0; c < cohorts; c++) {
      LocalDate referral = firstReferral.plusDays((long) c * JourneyScript.SPAN_DAYS);
      Cohort cohort = cohort("C" + c, casesPerCohort, referral);
      System.out.printf("[B1] cohort %d: %d journeys in %.1f s (%d round trips, %d commits, %d tasks)%n", c,
          cohort.cases(), cohort.seconds(), cohort.roundTrips(), cohort.commits(), cohort.tasks());
      if (c > 0) {
        measured.add(cohort);
      }
    }
    return new Result(casesPerCohort, clients, measured, 0);
  }

  private Cohort cohort(String name, int cases, LocalDate referral) throws Exception {
    Semaphore engineCalls = new Semaphore(clients);
    AtomicReference<LocalDate> nextDay = new AtomicReference<>();
    AtomicLong tasks = new AtomicLong();
    CyclicBarrier barrier = new CyclicBarrier(cases, () -> advanceTo(nextDay.get()));
    List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    long rt0 = RoundTrips.totalRoundTrips();
    long commits0 = RoundTrips.totalCommits();
    Cpu cpu0 = Cpu.now();
    long t0 = System.nanoTime();
    for (int i = 0; i < cases; i++) {
      String reference = "BENCH-" + name + "-" + i + "-" + System.nanoTime();
      Thread thread = new Thread(() -> {
        try {
          JourneyScript.run(new CaseDriver(engineCalls, barrier, nextDay, tasks), reference, referral);
        } catch (Throwable e) {
          failures.add(e);
          barrier.reset();
        }
      }, "case-" + i);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join(TimeUnit.MINUTES.toMillis(30));
    }
    if (!failures.isEmpty()) {
      Throwable first = failures.stream().filter(f -> !(f instanceof BrokenBarrierException)).findFirst()
          .orElse(failures.get(0));
      throw new IllegalStateException("cohort " + name + ": " + failures.size() + " cases failed", first);
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Cohort(cases, seconds, RoundTrips.totalRoundTrips() - rt0, RoundTrips.totalCommits() - commits0,
        tasks.get(), Cpu.now().since(cpu0));
  }

  /**
   * The engine clock moves to 09:00 of the day; returns when the job executor has run everything due.
   * The benchmark watches the jobs through a connection of its own, so that its polling is not
   * counted as the service's round trips.
   */
  private void advanceTo(LocalDate day) {
    Journey.clockAt(day);
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    node.jobExecutor().jobWasAdded();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    try (Connection db = TestDatabase.connect(database);
        PreparedStatement due = db.prepareStatement("SELECT count(*) FROM act_ru_job WHERE retries_ > 0"
            + " AND suspension_state_ = 1 AND (duedate_ IS NULL OR duedate_ <= ?)");
        PreparedStatement failed = db.prepareStatement("SELECT string_agg(exception_msg_, '; ') FROM act_ru_job"
            + " WHERE exception_msg_ IS NOT NULL")) {
      due.setTimestamp(1, now);
      int quiet = 0;
      while (quiet < 2) {
        try (ResultSet rs = failed.executeQuery()) {
          rs.next();
          if (rs.getString(1) != null) {
            throw new IllegalStateException("a job failed: " + rs.getString(1));
          }
        }
        try (ResultSet rs = due.executeQuery()) {
          rs.next();
          quiet = rs.getLong(1) == 0 ? quiet + 1 : 0;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("jobs due on " + day + " did not run within 5 minutes");
        }
        sleep(10);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One case: its engine calls share {@code clients} permits; its moves in time wait for the whole cohort. */
  private final class CaseDriver implements JourneyScript.Driver {

    private final Semaphore engineCalls;
    private final CyclicBarrier barrier;
    private final AtomicReference<LocalDate> nextDay;
    private final AtomicLong tasks;
    private String caseRef;

    CaseDriver(Semaphore engineCalls, CyclicBarrier barrier, AtomicReference<LocalDate> nextDay, AtomicLong tasks) {
      this.engineCalls = engineCalls;
      this.barrier = barrier;
      this.nextDay = nextDay;
      this.tasks = tasks;
    }

    @Override
    public void refer(Referral referral) {
      withPermit(() -> caseRef = referrals.refer(referral, "pol-test").caseRef());
    }

    @Override
    public void complete(String taskDefinitionKey, Object... nameValues) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      Task task;
      while ((task = caseworkers.openTask(caseRef, taskDefinitionKey)) == null) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no open task " + taskDefinitionKey + " in " + caseRef);
        }
        sleep(20);
      }
      Task open = task;
      String user = caseworkers.actorOf(open);
      withPermit(() -> {
        if (open.getAssignee() == null) {
          caseworkers.claim(open, user);
        }
        caseworkers.submit(open, user, Journey.vars(nameValues));
      });
      tasks.incrementAndGet();
    }

    @Override
    public String uploadReceipt() {
      String[] id = new String[1];
      withPermit(() -> id[0] = receipts.upload(caseRef));
      return id[0];
    }

    @Override
    public void at(LocalDate day) {
      nextDay.set(day);
      try {
        barrier.await(10, TimeUnit.MINUTES);
      } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
        throw new IllegalStateException("the cohort did not reach " + day, e);
      }
    }

    private void withPermit(Runnable action) {
      engineCalls.acquireUninterruptibly();
      try {
        action.run();
      } finally {
        engineCalls.release();
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
