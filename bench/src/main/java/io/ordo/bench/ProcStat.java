package io.ordo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of processes from {@code /proc/<pid>/stat}: user + system time of the process
 * itself, and of its waited-for children that have exited (cutime, cstime), in clock ticks.
 */
public final class ProcStat {

  /** USER_HZ: the unit of the stat file's times. 100 on every Linux this runs on. */
  public static final double TICKS_PER_SECOND = 100.0;

  /** utime, stime, cutime, cstime in clock ticks. */
  public record Times(long utime, long stime, long cutime, long cstime) {
    public long own() {
      return utime + stime;
    }

    public long ownAndChildren() {
      return utime + stime + cutime + cstime;
    }
  }

  private ProcStat() {}

  /**
   * Parses one stat line. The command name (field 2) is in parentheses and may hold spaces and
   * parentheses itself, so fields are counted from the last ')'.
   */
  public static Times parse(String statLine) {
    int close = statLine.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("not a /proc stat line: " + statLine);
    }
    String[] f = statLine.substring(close + 1).trim().split("\\s+");
    // f[0] is field 3 (state); utime is field 14, stime 15, cutime 16, cstime 17.
    if (f.length < 15) {
      throw new IllegalArgumentException("short /proc stat line: " + statLine);
    }
    return new Times(Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
        Long.parseLong(f[14]));
  }

  /** Null when the process is gone. */
  public static Times read(long pid) {
    try {
      return parse(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")));
    } catch (IOException e) {
      return null;
    }
  }

  /** CPU seconds used by one process so far (its threads; not its children). */
  public static double cpuSeconds(long pid) {
    Times t = read(pid);
    if (t == null) {
      throw new IllegalStateException("process " + pid + " is gone");
    }
    return t.own() / TICKS_PER_SECOND;
  }

  /**
   * CPU seconds of a process tree: the root with its exited children (cutime, cstime) plus every
   * live descendant. A child that exits moves its time from the second part to the first, so
   * differences between two readings stay right (PostgreSQL's backends are such children).
   */
  public static double treeCpuSeconds(long rootPid) {
    Times root = read(rootPid);
    if (root == null) {
      throw new IllegalStateException("process " + rootPid + " is gone");
    }
    long ticks = root.ownAndChildren();
    for (long pid : descendants(rootPid)) {
      Times t = read(pid);
      if (t != null) {
        ticks += t.own();
      }
    }
    return ticks / TICKS_PER_SECOND;
  }

  /** Live descendants (children's children included) of a process. */
  public static List<Long> descendants(long rootPid) {
    var result = new ArrayList<Long>();
    ProcessHandle.of(rootPid).ifPresent(p -> {
      try (Stream<ProcessHandle> all = p.descendants()) {
        all.forEach(d -> result.add(d.pid()));
      }
    });
    return result;
  }
}
