package io.ordo.bench;

/**
 * One workload of the suite. {@link BenchSuite} runs them in {@link Options#WORKLOADS} order with
 * what they need up; a workload adds rows, goals, raw figures and a report section to
 * {@link Harness#results()}. Throwing fails only this workload (the report says "NOT MEASURED");
 * throwing {@link Unavailable} says the node lacks what it measures yet, which is no failure.
 */
public interface Workload {

  /** What has to run for a workload. */
  enum Needs {
    /** The database only (the raw-PostgreSQL baseline). */
    DATABASE,
    /** The database and the node. */
    NODE,
    /** Nothing of the suite's (JMH forks its own JVMs, best on a quiet machine). */
    NOTHING
  }

  /** The name in {@link Options#WORKLOADS} ({@code --only}, {@code --skip}). */
  String name();

  /** How the report calls it when it fails. */
  String title();

  Needs needs();

  void run(Harness h) throws Exception;

  /** The node does not offer what this workload measures (yet). */
  final class Unavailable extends Exception {
    public Unavailable(String why) {
      super(why);
    }
  }
}
