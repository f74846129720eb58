package io.ordo.http.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.WorkflowDefinition;
import io.ordo.engine.model.validation.DefinitionParser;
import io.ordo.engine.model.validation.ParseResult;
import io.ordo.engine.runtime.NotFoundException;
import io.ordo.engine.runtime.audit.Caller;
import io.ordo.engine.runtime.definitions.DefinitionStore;
import io.ordo.engine.runtime.definitions.Page;
import io.ordo.engine.runtime.definitions.VersionInfo;
import io.ordo.engine.runtime.definitions.WorkflowQuery;
import io.ordo.engine.runtime.definitions.WorkflowRecord;
import io.ordo.engine.runtime.definitions.WorkflowSummary;
import io.ordo.http.problems.FieldError;
import io.ordo.http.problems.InvalidRequestException;
import io.ordo.http.problems.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Workflow definitions as the API handles them: validated as a whole before anything is stored,
 * so an invalid definition leaves no trace.
 */
public final class WorkflowService {

  public static final String INVALID_DEFINITION = Problem.BASE + "invalid-definition";

  private final DefinitionStore store;
  private final DefinitionParser parser;

  public WorkflowService(DefinitionStore store, DefinitionParser parser) {
    this.store = store;
    this.parser = parser;
  }

  public CompletionStage<WorkflowRecord> create(Caller caller, String body) {
    return validated(parser.parse(body)).thenCompose(def -> store.create(caller, def));
  }

  /** A new version; the document's {@code id} may be left out, else it must match the path. */
  public CompletionStage<WorkflowRecord> update(Caller caller, String workflowId, String body) {
    JsonNode document;
    try {
      document = Json.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      return validated(parser.parse(body)).thenCompose(def -> store.update(caller, def));
    }
    FieldError wrongId = null;
    if (document instanceof ObjectNode object) {
      JsonNode id = object.get("id");
      if (id != null && !id.isNull() && !(id.isTextual() && id.asText().equals(workflowId))) {
        wrongId = new FieldError("/id", "must be '" + workflowId + "', the id in the path");
      }
      if (id == null || id.isNull()) {
        // The id goes first, where a document written by hand has it.
        ObjectNode withId = Json.mapper().createObjectNode().put("id", workflowId);
        object.remove("id");
        withId.setAll(object);
        document = withId;
      } else {
        // Validate the rest as if the id were right, so every problem is reported at once.
        object.put("id", workflowId);
      }
    }
    ParseResult result = parser.parse(document);
    if (wrongId != null) {
      var errors = new ArrayList<FieldError>(List.of(wrongId));
      if (result instanceof ParseResult.Invalid invalid) {
        invalid.violations().forEach(v -> errors.add(new FieldError(v.pointer(), v.message())));
      }
      return CompletableFuture.failedFuture(invalid(errors));
    }
    return validated(result).thenCompose(def -> store.update(caller, def));
  }

  /** A dry run: the definition, or the violations as a failed stage. Nothing is stored. */
  public CompletionStage<WorkflowDefinition> validate(String body) {
    return validated(parser.parse(body));
  }

  public CompletionStage<WorkflowRecord> get(Caller caller, String workflowId, Integer version) {
    return store.get(caller.workspaceId(), workflowId, version).thenApply(found -> found
        .orElseThrow(() -> new NotFoundException(version == null
            ? "no workflow '" + workflowId + "'"
            : "no version " + version + " of workflow '" + workflowId + "'")));
  }

  public CompletionStage<Page<WorkflowSummary>> list(Caller caller, WorkflowQuery query) {
    return store.list(caller.workspaceId(), query);
  }

  public CompletionStage<List<VersionInfo>> versions(Caller caller, String workflowId) {
    return store.versions(caller.workspaceId(), workflowId);
  }

  public CompletionStage<WorkflowRecord> archive(Caller caller, String workflowId) {
    return store.archive(caller, workflowId);
  }

  private static CompletionStage<WorkflowDefinition> validated(ParseResult result) {
    if (result instanceof ParseResult.Valid valid) {
      return CompletableFuture.completedFuture(valid.definition());
    }
    var violations = ((ParseResult.Invalid) result).violations().stream()
        .map(v -> new FieldError(v.pointer(), v.message())).toList();
    return CompletableFuture.failedFuture(invalid(violations));
  }

  private static InvalidRequestException invalid(List<FieldError> errors) {
    return new InvalidRequestException(INVALID_DEFINITION, "Invalid workflow definition", errors);
  }
}
