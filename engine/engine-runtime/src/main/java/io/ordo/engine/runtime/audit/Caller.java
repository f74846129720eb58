package io.ordo.engine.runtime.audit;

/**
 * Who is asking, as the API knows it: the workspace the request is bound to, the actor (an API
 * key's name, or "anonymous" while the server runs open) and the request's correlation id.
 */
public record Caller(String workspaceId, String actor, String correlationId) {

  public static final String DEFAULT_WORKSPACE = "default";

  public static Caller anonymous(String correlationId) {
    return new Caller(DEFAULT_WORKSPACE, "anonymous", correlationId);
  }
}
