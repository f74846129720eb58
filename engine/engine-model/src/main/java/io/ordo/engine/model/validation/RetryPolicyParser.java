package io.ordo.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.model.retry.RetryStrategy;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/** Reads a retry policy object and applies the documented defaults. */
final class RetryPolicyParser {

  private RetryPolicyParser() {
  }

  /** The policy at {@code pointer}, or null when absent or invalid. */
  static RetryPolicy parse(JsonNode node, String pointer, Violations violations) {
    FieldReader fields = FieldReader.of(node, pointer, violations);
    if (fields == null) {
      return null;
    }
    int mark = violations.mark();
    RetryStrategy strategy = fields.requiredEnum("strategy", RetryStrategy.class);
    Integer maxAttempts = fields.integer("maxAttempts", 1);
    Duration initialDelay = fields.duration("initialDelay", true);
    Duration increment = fields.duration("increment", true);
    Double multiplier = fields.number("multiplier", 1.0, Double.MAX_VALUE);
    Duration maxDelay = fields.duration("maxDelay", true);
    Double jitter = fields.number("jitter", 0.0, 1.0);
    List<String> nonRetryable = fields.strings("nonRetryableErrors");
    fields.rejectUnknownFields();
    checkStrategySpecificFields(fields, strategy, maxAttempts);
    if (!violations.noneSince(mark)) {
      return null;
    }
    Duration initial = initialDelay != null ? initialDelay : RetryPolicy.DEFAULT_INITIAL_DELAY;
    int attempts = maxAttempts != null ? maxAttempts
        : strategy == RetryStrategy.NONE ? 1 : RetryPolicy.DEFAULT_MAX_ATTEMPTS;
    return new RetryPolicy(strategy, attempts, initial,
        increment != null ? increment : initial,
        multiplier != null ? multiplier : RetryPolicy.DEFAULT_MULTIPLIER,
        maxDelay != null ? maxDelay : RetryPolicy.DEFAULT_MAX_DELAY,
        jitter != null ? jitter : 0.0,
        new HashSet<>(nonRetryable));
  }

  // A field that the chosen strategy ignores is most likely a leftover or a mistake.
  private static void checkStrategySpecificFields(FieldReader fields, RetryStrategy strategy,
      Integer maxAttempts) {
    if (strategy == RetryStrategy.NONE && maxAttempts != null && maxAttempts != 1) {
      fields.report("maxAttempts", "must be 1 with strategy NONE (a single attempt)");
    }
    if (strategy != null && strategy != RetryStrategy.LINEAR && fields.has("increment")) {
      fields.report("increment", "only applies to strategy LINEAR");
    }
    if (strategy != null && strategy != RetryStrategy.EXPONENTIAL && fields.has("multiplier")) {
      fields.report("multiplier", "only applies to strategy EXPONENTIAL");
    }
  }
}
