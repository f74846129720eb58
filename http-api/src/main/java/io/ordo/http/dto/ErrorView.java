package io.ordo.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.execution.events.ExecutionEvent.StepError;

/** A failure as the API shows it. {@code stepId} and {@code by} only where they apply. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorView(@JsonProperty("class") String errorClass, String message,
    Boolean retryable, JsonNode details, String stepId, String by) {

  public static ErrorView of(StepError error) {
    return error == null ? null : new ErrorView(error.errorClass(), error.message(),
        error.retryable(), error.details(), null, null);
  }
}
