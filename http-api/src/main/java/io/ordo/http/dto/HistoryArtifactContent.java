package io.ordo.http.dto;

/**
 * One artifact's value for {@code GET /executions/{id}/artifacts/{stepId}/{name}}: compact JSON
 * text, its JSON type and the content type the step declared. The route serves a string value
 * with a non-JSON content type as that content (a CSV as text/csv), anything else as JSON.
 */
public record HistoryArtifactContent(String contentType, String valueType, String json) {}
