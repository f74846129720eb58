package io.ordo.engine.runtime.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.ordo.engine.runtime.breakers.BreakerState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The node's meter registry, one per actor system rather than Micrometer's global one, so two
 * nodes in one JVM (as in tests) keep their own figures. Gauges whose values live elsewhere
 * (breakers, projection offsets) register a refresher that runs before each scrape instead of
 * polling on their own.
 */
public final class OrdoMetrics implements Extension {

  private static final class Id extends ExtensionId<OrdoMetrics> {
    @Override
    public OrdoMetrics createExtension(ActorSystem<?> system) {
      return new OrdoMetrics(system);
    }
  }

  private static final Id ID = new Id();

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
  private final ExecutionMetrics executions;

  public static OrdoMetrics get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  private OrdoMetrics(ActorSystem<?> system) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    system.getWhenTerminated().thenRun(() -> {
      gc.close();
      registry.close();
    });
    executions = new ExecutionMetrics(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  public ExecutionMetrics executions() {
    return executions;
  }

  /**
   * Gauges of state kept elsewhere, brought up to date at each scrape: the breakers this node
   * knows, the projections' lag behind the journal in {@code dataSource}, and how many
   * executions this node's live event streams follow.
   */
  public void watch(Supplier<List<BreakerState>> breakers, DataSource dataSource,
      IntSupplier liveFollowed) {
    Gauge.builder("ordo.live.executions.followed", liveFollowed, IntSupplier::getAsInt)
        .description("Executions that open live event streams on this node follow")
        .strongReference(true) // the supplier is a lambda nothing else holds
        .register(registry);
    var breakerMetrics = new BreakerMetrics(breakers, registry);
    var lag = new ProjectionLag(dataSource, registry);
    beforeScrape(breakerMetrics::refresh);
    beforeScrape(lag::refresh);
  }

  /** Runs {@code refresh} before every scrape, to bring gauges up to date. */
  public void beforeScrape(Runnable refresh) {
    beforeScrape.add(refresh);
  }

  /** Every meter in the Prometheus text format. */
  public String scrape() {
    beforeScrape.forEach(Runnable::run);
    return registry.scrape();
  }
}
