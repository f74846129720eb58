package io.ordo.engine.runtime.definitions;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.ordo.engine.model.validation.DefinitionParser;
import io.ordo.engine.model.validation.ParseResult;
import io.ordo.engine.model.validation.Violation;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Compiled definitions by (workspace, workflow, version). Versions are immutable, so an entry
 * never goes stale; the cache is bounded only to cap memory. Each version is parsed and its jq
 * compiled once per node.
 */
public final class DefinitionRegistry {

  private final DefinitionStore store;
  private final DefinitionParser parser;
  private final AsyncCache<WorkflowKey, CompiledWorkflow> cache;

  public DefinitionRegistry(DefinitionStore store, DefinitionParser parser, long maxEntries) {
    this.store = store;
    this.parser = parser;
    this.cache = Caffeine.newBuilder().maximumSize(maxEntries).buildAsync();
  }

  public Optional<CompiledWorkflow> cached(WorkflowKey key) {
    var future = cache.getIfPresent(key);
    if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
      return Optional.empty();
    }
    return Optional.of(future.join());
  }

  /** Compiles a document already known to be valid (it was validated when stored). */
  public CompiledWorkflow compile(WorkflowKey key, JsonNode source) {
    return cache.synchronous().get(key, k -> parse(k, source));
  }

  public CompletionStage<CompiledWorkflow> load(WorkflowKey key) {
    return cache.get(key, (k, executor) -> store.source(k)
        .thenApply(source -> parse(k, source)).toCompletableFuture());
  }

  private CompiledWorkflow parse(WorkflowKey key, JsonNode source) {
    ParseResult result = parser.parse(source);
    if (result instanceof ParseResult.Valid valid) {
      return CompiledWorkflow.of(key, valid.definition());
    }
    String problems = ((ParseResult.Invalid) result).violations().stream()
        .map(Violation::toString).collect(Collectors.joining("; "));
    throw new IllegalArgumentException("definition " + key + " is invalid: " + problems);
  }
}
