package io.ordo.engine.model.steps;

import io.ordo.engine.model.expr.ValueTemplate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An HTTP call, either to a registered agent ({@code agent} + {@code path}) or to a URL
 * ({@code url}); exactly one of the two forms is set.
 *
 * @param agent registered agent id, or null when {@code url} is used
 * @param path template appended to the agent's base URL, null without agent
 * @param url template of an absolute http(s) URL, null with agent
 * @param body template of the request body, or null for none
 * @param retryOn extra HTTP status codes treated as retryable
 */
public record HttpRequestSpec(String agent, String method, ValueTemplate path, ValueTemplate url,
    Map<String, ValueTemplate> headers, Map<String, ValueTemplate> query, ValueTemplate body,
    Set<Integer> retryOn) implements StepSpec {

  public HttpRequestSpec {
    Objects.requireNonNull(method, "method");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
    retryOn = Set.copyOf(retryOn);
  }
}
