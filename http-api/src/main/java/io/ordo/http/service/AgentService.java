package io.ordo.http.service;

import io.ordo.engine.runtime.NotFoundException;
import io.ordo.engine.runtime.agents.AgentHealth;
import io.ordo.engine.runtime.agents.AgentQuery;
import io.ordo.engine.runtime.agents.AgentRecord;
import io.ordo.engine.runtime.agents.AgentStore;
import io.ordo.engine.runtime.audit.Caller;
import io.ordo.engine.runtime.definitions.Page;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.Done;

/**
 * The agents registry as the API handles it: a body is validated as a whole before anything is
 * stored, and whatever is answered comes from {@link AgentRecord}, which holds no secret.
 */
public final class AgentService {

  private final AgentStore store;
  private final AgentHealthCheck healthCheck;

  public AgentService(AgentStore store, AgentHealthCheck healthCheck) {
    this.store = store;
    this.healthCheck = healthCheck;
  }

  public CompletionStage<AgentRecord> create(Caller caller, String body) {
    return attempt(() -> store.create(caller, AgentRequests.parse(body, null, null)));
  }

  /**
   * A full replacement; the body's id may be left out. The current agent is read first, so a
   * secret left out can be told apart from a missing one and every violation is reported at
   * once; the store checks again under its row lock.
   */
  public CompletionStage<AgentRecord> replace(Caller caller, String agentId, String body) {
    return get(caller, agentId).thenCompose(current ->
        store.replace(caller, AgentRequests.parse(body, agentId, current)));
  }

  public CompletionStage<AgentRecord> get(Caller caller, String agentId) {
    return store.get(caller.workspaceId(), agentId)
        .thenApply(found -> found.orElseThrow(() -> notFound(agentId)));
  }

  public CompletionStage<Page<AgentRecord>> list(Caller caller, AgentQuery query) {
    return store.list(caller.workspaceId(), query);
  }

  public CompletionStage<Done> delete(Caller caller, String agentId) {
    return store.delete(caller, agentId).thenApply(deleted -> Done.getInstance());
  }

  /** Calls the agent's health path now and records the outcome with the agent. */
  public CompletionStage<AgentHealth> health(Caller caller, String agentId) {
    return store.access(caller.workspaceId(), agentId)
        .thenCompose(found -> healthCheck.check(found.orElseThrow(() -> notFound(agentId))))
        .thenCompose(health -> store.recordHealth(caller, agentId, health)
            .thenApply(recorded -> health));
  }

  private static NotFoundException notFound(String agentId) {
    return new NotFoundException("no agent '" + agentId + "'");
  }

  private static <T> CompletionStage<T> attempt(Supplier<CompletionStage<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
