package io.ordo.engine.runtime.steps;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One running attempt of an asynchronous step: its outcome to come, and a way to abort it when
 * it outlives its timeout or its step is cancelled (an HTTP call closes its connection). Abort
 * may be called more than once and after the outcome; it must not block.
 */
public record StepCall(CompletionStage<StepOutcome> outcome, Runnable abort) {

  public static StepCall of(CompletionStage<StepOutcome> outcome) {
    return new StepCall(outcome, () -> { });
  }

  public static StepCall failed(Throwable error) {
    return of(CompletableFuture.failedFuture(error));
  }
}
