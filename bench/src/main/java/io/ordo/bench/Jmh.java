package io.ordo.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the microbenchmarks of {@code io.ordo.bench.jmh}, short so the whole suite fits its time
 * budget. Forks use this JVM's class path; {@code forks == 0} runs them in this JVM.
 */
public final class Jmh {

  /** One benchmark's score: {@code benchmark} is "Class.method", {@code params} its params. */
  public record Score(String benchmark, Map<String, String> params, double score, double error,
      String unit, int iterations) {}

  /** How long each benchmark runs. */
  public record Settings(int forks, int warmups, double warmupSeconds, int iterations,
      double seconds) {}

  private Jmh() {}

  public static List<Score> run(Path log, Settings s, String include) throws Exception {
    ChainedOptionsBuilder options = new OptionsBuilder()
        .include(include)
        .forks(s.forks())
        .warmupIterations(s.warmups())
        .warmupTime(TimeValue.milliseconds((long) (s.warmupSeconds() * 1000)))
        .measurementIterations(s.iterations())
        .measurementTime(TimeValue.milliseconds((long) (s.seconds() * 1000)))
        .shouldFailOnError(true)
        .output(log.toString());
    if (s.forks() > 0) {
      options = options.jvmArgs("-Xms1g", "-Xmx1g", "-XX:+UseG1GC");
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    var scores = new ArrayList<Score>();
    for (RunResult r : results) {
      var params = new TreeMap<String, String>();
      for (String key : r.getParams().getParamsKeys()) {
        params.put(key, r.getParams().getParam(key));
      }
      String benchmark = r.getParams().getBenchmark();
      benchmark = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1)
          + 1);
      var primary = r.getPrimaryResult();
      scores.add(new Score(benchmark, params, primary.getScore(), primary.getScoreError(),
          primary.getScoreUnit(), (int) primary.getStatistics().getN()));
    }
    return scores;
  }
}
