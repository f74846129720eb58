package io.ordo.analytics.history;

import java.time.Instant;

/**
 * One row of {@code execution_artifacts}: {@code content} is the value as compact JSON text,
 * {@code valueType} its JSON type ({@code object}, {@code array}, {@code string}, {@code number},
 * {@code boolean} or {@code null}) and {@code sizeBytes} the content's size in UTF-8.
 */
record ArtifactRow(String executionId, String stepId, int item, String name,
    String contentType, String valueType, long sizeBytes, String content, Instant createdAt,
    long seq) {

  record Key(String executionId, String stepId, int item, String name) {}

  Key key() {
    return new Key(executionId, stepId, item, name);
  }
}
