package io.ordo.http.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** {@code GET /executions/{id}/artifacts}: the artifacts its steps recorded, in order. */
public record HistoryArtifactsView(String executionId, List<Artifact> items) {

  /**
   * {@code type} is the value's JSON type, {@code sizeBytes} its size as compact JSON in UTF-8.
   * {@code uri} serves the value alone; it is also inline in {@code content} unless it is over
   * {@code ordo.analytics.history.artifact-inline-max-bytes} ({@code content} is then null and
   * {@code inline} false).
   */
  public record Artifact(String name, String stepId, Integer item, String type,
      String contentType, long sizeBytes, boolean inline, JsonNode content, String uri,
      Instant createdAt) {}
}
