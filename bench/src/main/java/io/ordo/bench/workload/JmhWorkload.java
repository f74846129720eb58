package io.ordo.bench.workload;

import static io.ordo.bench.Fmt.f2;

import io.ordo.bench.Harness;
import io.ordo.bench.Jmh;
import io.ordo.bench.Workload;
import io.ordo.bench.jmh.CborEvents;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The JMH microbenchmarks of {@code io.ordo.bench.jmh}: jq evaluation, the decider's DAG
 * readiness, CBOR serialization per event type. Runs after the node and the database have
 * stopped. Full runs fork one JVM per benchmark (2 × 1 s warm-up, 5 × 0.4 s measured: with 1 s
 * of warm-up in all, C2 had not settled and every figure read 2–4× too slow; five short
 * iterations give a narrower interval than three long ones); --quick runs them in this JVM for
 * a fraction of a second each, only to check they work.
 */
public final class JmhWorkload implements Workload {

  @Override
  public String name() {
    return "jmh";
  }

  @Override
  public String title() {
    return "JMH microbenchmarks";
  }

  @Override
  public Needs needs() {
    return Needs.NOTHING;
  }

  @Override
  public void run(Harness h) throws Exception {
    Map<String, Integer> sizes = CborEvents.sizes();
    h.results().put("cborBytes", sizes);
    Jmh.Settings settings = h.quick() ? new Jmh.Settings(0, 1, 0.1, 1, 0.2)
        : new Jmh.Settings(1, 2, 1.0, 5, 0.4);
    List<Jmh.Score> scores = Jmh.run(h.work().resolve("jmh.log"), settings,
        "io\\.ordo\\.bench\\.jmh\\..*");
    h.results().put("jmh", Map.of("settings", settings, "scores", scores));
    var md = new StringBuilder(String.format(Locale.ROOT, """
        JMH 1.37, %s, average time per operation, %d × %.1f s warm-up and %d × %.1f s
        measured: short, so the error (99.9%% confidence) is wide; compare orders of magnitude,
        not the last digit. Run after the node and the database stopped.

        | benchmark | parameters | score | ± error | unit | serialized bytes |
        |---|---|---|---|---|---|
        """, settings.forks() == 0 ? "in the harness's JVM (--quick)"
            : settings.forks() + " fork (`-Xms1g -Xmx1g -XX:+UseG1GC`)",
        settings.warmups(), settings.warmupSeconds(), settings.iterations(),
        settings.seconds()));
    scores.stream().sorted(Comparator.comparing(Jmh.Score::benchmark)
        .thenComparing(s -> s.params().toString())).forEach(s -> {
          String params = s.params().entrySet().stream().map(e -> e.getKey() + "="
              + e.getValue()).collect(Collectors.joining(", "));
          Integer bytes = s.benchmark().startsWith("CborBench")
              ? sizes.get(s.params().get("event")) : null;
          md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n",
              s.benchmark(), params, f2(s.score()), f2(s.error()), s.unit(),
              bytes == null ? "" : bytes));
          h.results().row("JMH " + s.benchmark(), params, f2(s.score()) + " " + s.unit());
        });
    md.append("""

        - `JqBench.evaluate`: `ValueTemplate.evaluate` of a template compiled once (as the
          definition registry caches it), against an execution-shaped context: `object` an
          object of three expressions with arithmetic, `filter`
          `[.input.lines[] | select(.qty > 1) | .sku]` (a bare path, `${ .input.customer }`,
          measured under 0.1 µs in the first runs).
        - `DeciderBench.startAndRunAll`: the pure `ExecutionDecider.start` for an N-step
          definition of inline `DATA_TRANSFORM`s: readiness of every step, evaluation, applying
          each event to the state and checking each transition, one decision of N + 2 events.
          `fanout`: a root, N − 2 steps depending on it and a join (a chain measured the same per
          step in the first runs).
        - `CborBench`: Pekko's serialization extension with the node's settings (jackson-cbor
          for `OrdoSerializable`), P3-sized events; `serialize` is what every journal write does
          per event, `deserialize` what recovery and every projection do per event read back;
          `deserializeJackson` decodes the same bytes with the serializer's own `ObjectMapper`,
          so the difference is what Pekko's serializer adds (manifest parsing, class lookup,
          allow-list checks).
        """);
    h.results().section("Microbenchmarks (JMH)", md.toString());
  }
}
