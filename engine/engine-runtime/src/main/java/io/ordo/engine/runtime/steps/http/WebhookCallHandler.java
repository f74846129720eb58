package io.ordo.engine.runtime.steps.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.ordo.engine.model.StepType;
import io.ordo.engine.model.steps.WebhookCallSpec;
import io.ordo.engine.runtime.steps.StepCall;
import io.ordo.engine.runtime.steps.StepHandler;
import io.ordo.engine.runtime.steps.StepInvocation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * WEBHOOK_CALL: POSTs the payload (default: the execution input) as JSON to the URL, signed with
 * {@link WebhookSignature} when the step names a secret. Same output, classification and
 * (per-host) breaker as HTTP_REQUEST.
 */
public final class WebhookCallHandler implements StepHandler.Async {

  private final HttpCallRunner runner;
  private final HttpSettings settings;
  private final Secrets secrets;
  private final Clock clock;

  WebhookCallHandler(HttpCallRunner runner, HttpSettings settings, Secrets secrets, Clock clock) {
    this.runner = runner;
    this.settings = settings;
    this.secrets = secrets;
    this.clock = clock;
  }

  @Override
  public StepType type() {
    return StepType.WEBHOOK_CALL;
  }

  @Override
  public StepCall start(StepInvocation invocation) {
    return runner.run(CompletableFuture.completedFuture(plan(invocation)));
  }

  private HttpPlan plan(StepInvocation invocation) {
    var spec = (WebhookCallSpec) invocation.step().spec();
    JsonNode context = invocation.context();
    try {
      URI uri = RequestTemplates.url(RequestTemplates.text(spec.url(), context, "url"), "");
      JsonNode payload = spec.payload() == null ? input(context)
          : RequestTemplates.evaluate(spec.payload(), context, "payload");
      // The signature covers these exact bytes: they are what goes on the wire.
      byte[] body = RequestTemplates.json(payload);
      Map<String, String> signature = new LinkedHashMap<>();
      if (spec.secret() != null) {
        String secret = secrets.get(spec.secret()).orElseThrow(() -> new RequestTemplates.Problem(
            HttpErrorClasses.SECRET_NOT_FOUND, "secret '" + spec.secret() + "' is not configured"
            + " (ordo.secrets." + spec.secret() + " or "
            + Secrets.environmentVariable(spec.secret()) + ")"));
        long timestamp = clock.instant().getEpochSecond();
        signature.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        signature.put(WebhookSignature.SIGNATURE_HEADER,
            WebhookSignature.header(secret, timestamp, body));
      }
      OutboundRequest request = RequestTemplates.assemble("POST", uri,
          RequestTemplates.headers(spec.headers(), context, "headers"), signature,
          invocation.idempotencyKey(), body);
      Duration timeout = invocation.timeout() != null
          ? invocation.timeout() : settings.defaultTimeout();
      return new HttpPlan.Call(request, RequestTemplates.hostBreakerId(request), timeout,
          java.util.Set.of(), null);
    } catch (RequestTemplates.Problem problem) {
      return HttpPlan.Refused.of(problem);
    }
  }

  private static JsonNode input(JsonNode context) {
    JsonNode input = context.path("input");
    return input.isMissingNode() ? NullNode.getInstance() : input;
  }
}
