package io.ordo.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A step's latest failed attempt, as the history keeps it: it stays when a later attempt
 * succeeds, so a COMPLETED step with an error was retried past it. {@code message} is cut at
 * 2,048 characters.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryErrorView(@JsonProperty("class") String errorClass, String message,
    Boolean retryable, Integer attempt, Instant at) {}
