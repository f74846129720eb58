package io.ordo.engine.runtime.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.ordo.engine.runtime.breakers.BreakerState;
import io.ordo.engine.runtime.breakers.BreakerStatus;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Each breaker's state as this node sees it: {@code ordo.breaker.state} is 1 for the breaker's
 * current status and 0 for the others (one series per status, the Prometheus way of exposing an
 * enum), and {@code ordo.breaker.consecutive.failures}.
 */
final class BreakerMetrics {

  private final Supplier<List<BreakerState>> breakers;
  private final MultiGauge state;
  private final MultiGauge failures;

  BreakerMetrics(Supplier<List<BreakerState>> breakers, MeterRegistry registry) {
    this.breakers = breakers;
    this.state = MultiGauge.builder("ordo.breaker.state")
        .description("1 for the breaker's current status (CLOSED, OPEN, HALF_OPEN), 0 otherwise")
        .register(registry);
    this.failures = MultiGauge.builder("ordo.breaker.consecutive.failures")
        .description("Consecutive failures the breaker has counted")
        .register(registry);
  }

  void refresh() {
    List<BreakerState> all = breakers.get();
    state.register(all.stream().flatMap(b -> Arrays.stream(BreakerStatus.values()).map(status -> MultiGauge.Row.of(Tags.of("breaker", b.id(), "status", status.name()),
            b.status() == status ? 1 : 0)))
        .toList(), true);
    failures.register(all.stream()
        .map(b -> MultiGauge.Row.of(Tags.of("breaker", b.id()), b.consecutiveFailures()))
        .toList(), true);
  }
}
