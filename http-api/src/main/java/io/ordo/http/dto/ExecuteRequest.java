package io.ordo.http.dto;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The body of {@code POST /workflows/{id}/execute}. {@code version} defaults to the latest,
 * {@code input} to {@code {}}.
 */
public record ExecuteRequest(JsonNode input, Integer version, String idempotencyKey,
    String triggeredBy) {}
