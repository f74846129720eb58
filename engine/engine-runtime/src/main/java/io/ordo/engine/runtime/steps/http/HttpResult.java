package io.ordo.engine.runtime.steps.http;

import java.time.Duration;
import java.util.Map;

/** How one outbound call ended, before the step's classification of it. */
public sealed interface HttpResult {

  /**
   * A complete response.
   *
   * @param headers lower-case names; repeated headers joined with ", "
   * @param mediaType the media type of the body (no parameters), or null
   * @param charset the body's charset parameter, or null
   */
  record Response(int status, String reason, Map<String, String> headers, byte[] body,
      String mediaType, String charset) implements HttpResult {
    public Response {
      headers = Map.copyOf(headers);
    }
  }

  /** The response body was larger than the limit; its connection was closed. */
  record TooLarge(int status, long limit) implements HttpResult {}

  /** The request cannot go on the wire (a header with a line break, a bad content type). */
  record Invalid(String reason) implements HttpResult {}

  /** No response: the connection was refused, reset or closed first. */
  record ConnectionFailed(String reason) implements HttpResult {}

  /** The deadline passed first; the connection was closed. */
  record TimedOut(Duration after) implements HttpResult {}

  /** {@code abort()} came first; the connection was closed. */
  record Aborted() implements HttpResult {}
}
