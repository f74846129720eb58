package io.ordo.engine.model.steps;

import io.ordo.engine.model.expr.ValueTemplate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A signed POST of a payload.
 *
 * @param payload template of the body, or null for the execution input
 * @param secret name of a stored secret for the HMAC-SHA256 signature, or null for unsigned
 */
public record WebhookCallSpec(ValueTemplate url, ValueTemplate payload,
    Map<String, ValueTemplate> headers, String secret) implements StepSpec {

  public WebhookCallSpec {
    Objects.requireNonNull(url, "url");
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }
}
