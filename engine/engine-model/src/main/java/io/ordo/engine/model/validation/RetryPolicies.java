package io.ordo.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.retry.RetryPolicy;
import java.util.List;

/**
 * Retry policies outside a workflow definition (an agent's default, for one), read by the same
 * rules and with the same messages as the DSL's {@code retry} fields.
 */
public final class RetryPolicies {

  /** The policy, or every violation found (with pointers under the one given). */
  public record Parsed(RetryPolicy policy, List<Violation> violations) {
    public Parsed {
      violations = List.copyOf(violations);
    }

    public boolean valid() {
      return violations.isEmpty();
    }
  }

  private RetryPolicies() {
  }

  /**
   * Reads {@code node} as a retry policy object.
   *
   * @param pointer where the object sits in its document, e.g. {@code /defaultRetry}
   */
  public static Parsed parse(JsonNode node, String pointer) {
    var violations = new Violations();
    RetryPolicy policy = RetryPolicyParser.parse(node, pointer, violations);
    return new Parsed(violations.isEmpty() ? policy : null, violations.list());
  }
}
