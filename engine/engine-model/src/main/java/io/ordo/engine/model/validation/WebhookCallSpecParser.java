package io.ordo.engine.model.validation;

import io.ordo.engine.model.expr.ValueTemplate;
import io.ordo.engine.model.steps.StepSpec;
import io.ordo.engine.model.steps.WebhookCallSpec;
import java.util.Map;

/** WEBHOOK_CALL: {@code url}, optional {@code payload}, {@code headers} and {@code secret}. */
final class WebhookCallSpecParser implements StepSpecParser {

  @Override
  public StepSpec parse(FieldReader fields, String stepId, StepParser steps) {
    int mark = fields.violations().mark();
    ValueTemplate url = Templates.required(fields, "url", Expect.HTTP_URL);
    ValueTemplate payload = Templates.optional(fields, "payload", Expect.ANY);
    Map<String, ValueTemplate> headers = Templates.map(fields, "headers");
    String secret = fields.string("secret");
    return fields.violations().noneSince(mark)
        ? new WebhookCallSpec(url, payload, headers, secret) : null;
  }
}
