package io.ordo.engine.runtime.steps.http;

import io.ordo.engine.runtime.steps.ErrorClasses;

/**
 * The error classes of HTTP_REQUEST and WEBHOOK_CALL attempts; retry policies
 * ({@code nonRetryableErrors}) and analytics match on them. docs/resilience.md lists them with
 * whether each is retryable.
 */
public final class HttpErrorClasses {

  /** A 5xx answer; retryable. */
  public static final String HTTP_5XX = "HTTP_5XX";
  /** 429 Too Many Requests; retryable, not before its {@code Retry-After}. */
  public static final String HTTP_429 = "HTTP_429";
  /** 408 Request Timeout; retryable. */
  public static final String HTTP_408 = "HTTP_408";
  /** Any other 4xx; retryable only when the step lists the status in {@code retryOn}. */
  public static final String HTTP_4XX = "HTTP_4XX";
  /** A redirect (never followed) or another non-final answer; not retryable. */
  public static final String HTTP_3XX = "HTTP_3XX";
  /** The answer's body exceeded {@code ordo.engine.http.max-response-size}; not retryable. */
  public static final String HTTP_RESPONSE_TOO_LARGE = "HTTP_RESPONSE_TOO_LARGE";
  /** No answer: refused, reset, or closed before a response; retryable. */
  public static final String CONNECTION_FAILED = "CONNECTION_FAILED";
  /** The attempt outlived its deadline and its connection was closed; retryable. */
  public static final String TIMEOUT = ErrorClasses.TIMEOUT;
  /** The attempt was aborted (its step was cancelled or timed out); retryable. */
  public static final String ABORTED = ErrorClasses.ABORTED;
  /** The step names an agent the workspace does not have; not retryable. */
  public static final String AGENT_NOT_FOUND = "AGENT_NOT_FOUND";
  /** The step names a disabled agent; not retryable. */
  public static final String AGENT_DISABLED = "AGENT_DISABLED";
  /** The URL is not an absolute http(s) URL; not retryable. */
  public static final String INVALID_URL = "INVALID_URL";
  /** A header the request cannot carry (an unparsable Content-Type); not retryable. */
  public static final String INVALID_REQUEST = "INVALID_REQUEST";
  /** A WEBHOOK_CALL names a secret that is not configured; not retryable. */
  public static final String SECRET_NOT_FOUND = "SECRET_NOT_FOUND";
  /** A template of the request failed to evaluate; not retryable. */
  public static final String EXPRESSION_FAILED = ErrorClasses.EXPRESSION_FAILED;

  private HttpErrorClasses() {}
}
