package io.ordo.http.problems;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 7807 problem document. {@code errors} lists every violation of an invalid request;
 * {@code requestId} is the correlation id to quote when reporting it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
    List<FieldError> errors, String requestId) {

  public static final String BASE = "https://ordo.dev/problems/";
}
