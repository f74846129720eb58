package io.ordo.engine.runtime.agents;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Resolves agents for HTTP steps from the {@link AgentStore}, caching each answer (a missing
 * agent included) for {@code ordo.engine.agents.cache-ttl}. A write through this node drops its
 * cached copy at once; other nodes see it when their copy expires, so a change reaches every node
 * within the TTL. A failed read is not cached.
 */
public final class AgentDirectory implements AgentResolver {

  private record Key(String workspaceId, String agentId) {}

  private final AsyncLoadingCache<Key, Optional<AgentEndpoint>> cache;

  public AgentDirectory(AgentStore store, AgentSettings settings) {
    this.cache = Caffeine.newBuilder()
        .expireAfterWrite(settings.cacheTtl())
        .maximumSize(settings.cacheSize())
        .buildAsync((key, executor) -> store.access(key.workspaceId(), key.agentId())
            .thenApply(found -> found.map(AgentAccess::endpoint)).toCompletableFuture());
  }

  /** A directory that follows the store's writes on this node. */
  public static AgentDirectory following(AgentStore store, AgentSettings settings) {
    var directory = new AgentDirectory(store, settings);
    store.onChange(directory::invalidate);
    return directory;
  }

  @Override
  public CompletionStage<Optional<AgentEndpoint>> resolve(String workspaceId, String agentId) {
    return cache.get(new Key(workspaceId, agentId));
  }

  /** Drops the cached copy, so the next resolve reads the store. */
  public void invalidate(String workspaceId, String agentId) {
    cache.synchronous().invalidate(new Key(workspaceId, agentId));
  }
}
