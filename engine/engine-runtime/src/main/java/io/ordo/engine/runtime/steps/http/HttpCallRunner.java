package io.ordo.engine.runtime.steps.http;

import io.ordo.engine.runtime.breakers.BreakerGuard;
import io.ordo.engine.runtime.steps.StepCall;
import io.ordo.engine.runtime.steps.StepOutcome;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a planned call as one step attempt: through the circuit breaker, with its deadline, and
 * abortable at any point, before the breaker lets it through as well as while it is on the wire.
 */
final class HttpCallRunner {

  private final BreakerGuard breakers;
  private final OutboundHttp http;
  private final Clock clock;

  HttpCallRunner(BreakerGuard breakers, OutboundHttp http, Clock clock) {
    this.breakers = breakers;
    this.http = http;
    this.clock = clock;
  }

  StepCall run(CompletionStage<HttpPlan> plan) {
    AtomicBoolean aborted = new AtomicBoolean();
    AtomicReference<Runnable> abortExchange = new AtomicReference<>();
    CompletionStage<StepOutcome> outcome = plan.thenCompose(p -> {
      if (p instanceof HttpPlan.Refused refused) {
        return CompletableFuture.completedFuture(refused.outcome());
      }
      HttpPlan.Call call = (HttpPlan.Call) p;
      if (aborted.get()) {
        // Stopped before calling out: nothing to count for or against the breaker.
        return CompletableFuture.completedFuture(abortedOutcome(call));
      }
      return breakers.call(call.breakerId(), () -> {
        if (aborted.get()) {
          return CompletableFuture.completedFuture(abortedOutcome(call));
        }
        OutboundHttp.Exchange exchange = http.send(call.request(), call.timeout());
        abortExchange.set(exchange.abort());
        // An abort between the check above and now has not seen the exchange: honour it here.
        if (aborted.get()) {
          exchange.abort().run();
        }
        return exchange.result().thenApply(result -> HttpOutcomes.classify(call.request(),
            result, call.retryOn(), call.retry(), clock.instant()));
      });
    });
    return new StepCall(outcome, () -> {
      aborted.set(true);
      Runnable abort = abortExchange.get();
      if (abort != null) {
        abort.run();
      }
    });
  }

  private StepOutcome abortedOutcome(HttpPlan.Call call) {
    return HttpOutcomes.classify(call.request(), new HttpResult.Aborted(), call.retryOn(),
        call.retry(), clock.instant());
  }
}
