package io.ordo.engine.runtime.steps;

import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
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

  private static final Duration BACKSTOP_GRACE = Duration.ofSeconds(1);

  private StepActor() {}

  public static Behavior<Command> create(StepHandler handler, StepInvocation invocation,
      Consumer<StepOutcome> report) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      Duration timeout = invocation.timeout();
      if (timeout != null) {
        // Asynchronous handlers keep the deadline themselves and report a richer outcome (the
        // agent's retry policy, the call aborted); this timer only stops one that does not.
        Duration backstop = handler instanceof StepHandler.Async ? timeout.plus(BACKSTOP_GRACE)
            : timeout;
        timers.startSingleTimer(new TimedOut(timeout), backstop);
      }
      StepCall call = start(handler, invocation);
      ctx.pipeToSelf(call.outcome(), (outcome, error) -> new Finished(
          error == null ? outcome : crashed(error)));
      return awaiting(call, report);
    }));
  }

  private static Behavior<Command> awaiting(StepCall call, Consumer<StepOutcome> report) {
    return Behaviors.receive(Command.class)
        .onMessage(Finished.class, f -> {
          report.accept(f.outcome());
          return done();
        })
        .onMessage(TimedOut.class, t -> {
          call.abort().run();
          report.accept(new StepOutcome.Failed(StepError.of(ErrorClasses.TIMEOUT,
              "the attempt did not finish within " + t.after(), true), null));
          return done();
        })
        // Stopped before the outcome: the step was cancelled or its execution ended.
        .onSignal(PostStop.class, s -> {
          call.abort().run();
          return Behaviors.same();
        })
        .build();
  }

  /** Reported; waits to be stopped, ignoring a late result. */
  private static Behavior<Command> done() {
    return Behaviors.receive(Command.class).onAnyMessage(m -> Behaviors.same()).build();
  }

  private static StepCall start(StepHandler handler, StepInvocation invocation) {
    try {
      if (handler instanceof StepHandler.Async async) {
        return async.start(invocation);
      }
      return StepCall.of(CompletableFuture.completedFuture(
          ((StepHandler.Pure) handler).evaluate(invocation)));
    } catch (RuntimeException e) {
      return StepCall.failed(e);
    }
  }

  private static StepOutcome crashed(Throwable error) {
    return StepOutcome.Failed.of(ErrorClasses.STEP_CRASHED,
        "the step handler failed: " + error, true);
  }
}
