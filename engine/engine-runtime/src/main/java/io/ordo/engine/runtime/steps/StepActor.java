package io.ordo.engine.runtime.steps;

import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Runs one attempt of one step and reports its outcome once: the result, or a retryable
 * {@code TIMEOUT} when the attempt outlives its timeout. It never stops itself; the execution
 * stops it once the outcome is recorded (or when the step is cancelled), so an unexpected stop
 * always means a crash.
 */
public final class StepActor {

  /** Messages to the step actor itself. */
  public sealed interface Command {}

  private record Finished(StepOutcome outcome) implements Command {}

  private record TimedOut(Duration after) implements Command {}

  private StepActor() {}

  public static Behavior<Command> create(StepHandler handler, StepInvocation invocation,
      Consumer<StepOutcome> report) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      Duration timeout = invocation.timeout();
      if (timeout != null) {
        timers.startSingleTimer(new TimedOut(timeout), timeout);
      }
      ctx.pipeToSelf(run(handler, invocation), (outcome, error) -> new Finished(
          error == null ? outcome : crashed(error)));
      return awaiting(report);
    }));
  }

  private static Behavior<Command> awaiting(Consumer<StepOutcome> report) {
    return Behaviors.receive(Command.class)
        .onMessage(Finished.class, f -> {
          report.accept(f.outcome());
          return done();
        })
        .onMessage(TimedOut.class, t -> {
          report.accept(new StepOutcome.Failed(StepError.of(ErrorClasses.TIMEOUT,
              "the attempt did not finish within " + t.after(), true), null));
          return done();
        })
        .build();
  }

  /** Reported; waits to be stopped, ignoring a late result. */
  private static Behavior<Command> done() {
    return Behaviors.receive(Command.class).onAnyMessage(m -> Behaviors.same()).build();
  }

  private static CompletionStage<StepOutcome> run(StepHandler handler, StepInvocation invocation) {
    try {
      if (handler instanceof StepHandler.Async async) {
        return async.execute(invocation);
      }
      return CompletableFuture.completedFuture(((StepHandler.Pure) handler).evaluate(invocation));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static StepOutcome crashed(Throwable error) {
    return StepOutcome.Failed.of(ErrorClasses.STEP_CRASHED,
        "the step handler failed: " + error, true);
  }
}
