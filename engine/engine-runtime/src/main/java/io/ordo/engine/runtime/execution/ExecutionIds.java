package io.ordo.engine.runtime.execution;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Execution ids: derived from the idempotency key when the caller gives one, so a repeated start
 * (an HTTP retry, a redelivered message) reaches the same entity and starts nothing new.
 */
public final class ExecutionIds {

  private ExecutionIds() {}

  public static String forStart(String workspaceId, String workflowId, String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank()) {
      return UUID.randomUUID().toString();
    }
    String name = workspaceId + "\u0000" + workflowId + "\u0000" + idempotencyKey;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** Whether a string can be an execution id at all; anything else is answered 404 at once. */
  public static boolean isWellFormed(String id) {
    try {
      return UUID.fromString(id).toString().equals(id);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
