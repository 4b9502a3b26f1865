package dk.preparedreturn.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU used by this JVM and by the PostgreSQL server processes between two snapshots, as a share of
 * one core (100 % = one core busy; the machines have 2 cores). Tells what limits a benchmark.
 */
record Cpu(long wallNanos, long jvmNanos, long postgresTicks) {

  /** Linux clock ticks per second (USER_HZ), 100 on every common kernel. */
  private static final double TICKS_PER_SECOND = 100.0;

  static Cpu now() {
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Cpu(System.nanoTime(), os.getProcessCpuTime(), readPostgresTicks());
  }

  /** The shares of one core used since {@code before}: [JVM, PostgreSQL]. */
  double[] since(Cpu before) {
    double wall = (wallNanos - before.wallNanos) / 1e9;
    double jvm = (jvmNanos - before.jvmNanos) / 1e9 / wall;
    double pg = (postgresTicks - before.postgresTicks) / TICKS_PER_SECOND / wall;
    return new double[] {jvm, pg};
  }

  String describeSince(Cpu before) {
    double[] shares = since(before);
    return "JVM " + Stats.pct(shares[0]) + ", PostgreSQL " + Stats.pct(shares[1]) + " (of 200 %)";
  }

  private static long readPostgresTicks() {
    long total = 0;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path p : (Iterable<Path>) processes::iterator) {
        if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String stat = Files.readString(p.resolve("stat"));
          int close = stat.lastIndexOf(')');
          String comm = stat.substring(stat.indexOf('(') + 1, close);
          if (!comm.startsWith("postgres")) {
            continue;
          }
          String[] fields = stat.substring(close + 2).split(" ");
          // fields after "(comm) ": state=0 ... utime=11, stime=12
          total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
          // the process ended meanwhile
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return total;
  }

  /** Resident and peak resident memory of a process, in MiB: [VmRSS, VmHWM]. */
  static long[] memoryMiB(long pid) {
    long rss = -1;
    long hwm = -1;
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        } else if (line.startsWith("VmHWM:")) {
          hwm = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (IOException e) {
      // ended
    }
    return new long[] {rss, hwm};
  }
}
