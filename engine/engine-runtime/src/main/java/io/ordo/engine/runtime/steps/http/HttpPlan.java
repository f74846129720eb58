package io.ordo.engine.runtime.steps.http;

import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.runtime.steps.StepOutcome;
import java.time.Duration;
import java.util.Set;

/** What a handler decided to do with an attempt: make a call, or fail it without one. */
sealed interface HttpPlan {

  /**
   * @param breakerId {@code agent:<workspace>/<agent>} or {@code host:<host>:<port>}
   * @param timeout the attempt's deadline
   * @param retryOn statuses the step treats as retryable
   * @param retry the agent's default policy for failures, or null
   */
  record Call(OutboundRequest request, String breakerId, Duration timeout, Set<Integer> retryOn,
      RetryPolicy retry) implements HttpPlan {
    public Call {
      retryOn = Set.copyOf(retryOn);
    }
  }

  /** No call: the request cannot be made (unknown agent, bad URL, missing secret, ...). */
  record Refused(StepOutcome.Failed outcome) implements HttpPlan {
    static Refused of(RequestTemplates.Problem problem) {
      return new Refused(StepOutcome.Failed.of(problem.errorClass, problem.getMessage(), false));
    }
  }
}
