package io.ordo.engine.runtime.steps.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;
import io.ordo.engine.runtime.steps.StepOutcome;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;

/**
 * Classifies how a call ended into a step outcome: 2xx succeeds with
 * {@code {status, headers, body}}; everything else fails with an error class from
 * {@link HttpErrorClasses}, retryable or not, with the status and the start of the response body
 * in the error's details.
 */
final class HttpOutcomes {

  /** How much of a failed response's body the error keeps. */
  static final int DETAILS_BODY_BYTES = 2048;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private HttpOutcomes() {}

  /**
   * @param retryOn statuses the step treats as retryable on top of the defaults
   * @param retry the agent's default policy, passed along with failures; may be null
   */
  static StepOutcome classify(OutboundRequest request, HttpResult result, Set<Integer> retryOn,
      RetryPolicy retry, Instant now) {
    return classified(request, result, retryOn, retry, now).withInput(inputSummary(request));
  }

  /** What the timeline shows the attempt sent: method and URL, without the query string. */
  static JsonNode inputSummary(OutboundRequest request) {
    return JSON.objectNode().put("method", request.method()).put("url",
        request.scheme() + "://" + request.uri().getRawAuthority() + request.uri().getRawPath());
  }

  private static StepOutcome classified(OutboundRequest request, HttpResult result,
      Set<Integer> retryOn, RetryPolicy retry, Instant now) {
    if (result instanceof HttpResult.Response response) {
      return classifyResponse(request, response, retryOn, retry, now);
    }
    if (result instanceof HttpResult.TooLarge tooLarge) {
      ObjectNode details = JSON.objectNode().put("status", tooLarge.status())
          .put("limitBytes", tooLarge.limit());
      return failed(HttpErrorClasses.HTTP_RESPONSE_TOO_LARGE, request.describe()
          + " answered with a body over " + tooLarge.limit() + " bytes", false, details, null,
          retry);
    }
    if (result instanceof HttpResult.TimedOut timedOut) {
      return failed(HttpErrorClasses.TIMEOUT, request.describe() + " did not answer within "
          + timedOut.after() + "; the connection was closed", true, null, null, retry);
    }
    if (result instanceof HttpResult.Aborted) {
      return failed(HttpErrorClasses.ABORTED, request.describe() + " was aborted", true, null,
          null, retry);
    }
    if (result instanceof HttpResult.Invalid invalid) {
      return failed(HttpErrorClasses.INVALID_REQUEST, invalid.reason(), false, null, null, retry);
    }
    HttpResult.ConnectionFailed failed = (HttpResult.ConnectionFailed) result;
    return failed(HttpErrorClasses.CONNECTION_FAILED, request.describe() + " failed: "
        + failed.reason(), true, null, null, retry);
  }

  private static StepOutcome classifyResponse(OutboundRequest request,
      HttpResult.Response response, Set<Integer> retryOn, RetryPolicy retry, Instant now) {
    int status = response.status();
    if (status >= 200 && status < 300) {
      return new StepOutcome.Succeeded(output(response));
    }
    String errorClass;
    boolean retryable;
    if (status >= 500) {
      errorClass = HttpErrorClasses.HTTP_5XX;
      retryable = true;
    } else if (status == 429) {
      errorClass = HttpErrorClasses.HTTP_429;
      retryable = true;
    } else if (status == 408) {
      errorClass = HttpErrorClasses.HTTP_408;
      retryable = true;
    } else if (status >= 400) {
      errorClass = HttpErrorClasses.HTTP_4XX;
      retryable = retryOn.contains(status);
    } else {
      // Redirects are not followed: a changed URL belongs in the definition or the agent.
      errorClass = HttpErrorClasses.HTTP_3XX;
      retryable = retryOn.contains(status);
    }
    ObjectNode details = JSON.objectNode().put("status", status);
    byte[] body = response.body();
    if (body.length > 0) {
      byte[] start = body.length > DETAILS_BODY_BYTES
          ? Arrays.copyOf(body, DETAILS_BODY_BYTES) : body;
      details.put("body", new String(start, charset(response)));
      details.put("bodyTruncated", body.length > DETAILS_BODY_BYTES);
    }
    Duration retryAfter = retryable ? retryAfter(response.headers().get("retry-after"), now) : null;
    String reason = response.reason() == null || response.reason().isEmpty()
        ? "" : " " + response.reason();
    return failed(errorClass, request.describe() + " answered " + status + reason, retryable,
        details, retryAfter, retry);
  }

  /** {@code {status, headers, body}}: body as JSON for a JSON response, else text, else null. */
  static JsonNode output(HttpResult.Response response) {
    ObjectNode output = JSON.objectNode();
    output.put("status", response.status());
    ObjectNode headers = output.putObject("headers");
    response.headers().forEach(headers::put);
    output.set("body", body(response));
    return output;
  }

  static JsonNode body(HttpResult.Response response) {
    if (response.body().length == 0) {
      return NullNode.getInstance();
    }
    String mediaType = response.mediaType();
    if (mediaType != null
        && (mediaType.equals("application/json") || mediaType.endsWith("+json"))) {
      try {
        return Json.mapper().readTree(response.body());
      } catch (IOException notJson) {
        // Labelled JSON but is not: keep the text rather than fail a call that succeeded.
      }
    }
    return JSON.textNode(new String(response.body(), charset(response)));
  }

  /**
   * The wait a {@code Retry-After} header asks for: delta-seconds or an HTTP-date; null when
   * absent or unreadable, zero for a date in the past.
   */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException tooLong) {
        return null;
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Charset charset(HttpResult.Response response) {
    try {
      return response.charset() == null ? StandardCharsets.UTF_8
          : Charset.forName(response.charset());
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  private static StepOutcome.Failed failed(String errorClass, String message, boolean retryable,
      JsonNode details, Duration retryAfter, RetryPolicy retry) {
    return new StepOutcome.Failed(new StepError(errorClass, message, retryable, details),
        retryAfter, retry);
  }
}
