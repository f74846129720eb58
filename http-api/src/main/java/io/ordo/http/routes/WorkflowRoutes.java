package io.ordo.http.routes;

import io.ordo.engine.runtime.audit.Caller;
import io.ordo.engine.runtime.definitions.WorkflowQuery;
import io.ordo.http.dto.ExecuteResponse;
import io.ordo.http.dto.PageView;
import io.ordo.http.dto.ValidationView;
import io.ordo.http.dto.VersionsView;
import io.ordo.http.dto.WorkflowSummaryView;
import io.ordo.http.dto.WorkflowView;
import io.ordo.http.service.ExecutionService;
import io.ordo.http.service.WorkflowService;
import java.time.Duration;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code /api/v1/workflows}: definitions, their versions, and starting executions. */
public final class WorkflowRoutes extends ApiRoutes implements ApiResource {

  private static final Set<String> SORTS = Set.of("id", "name", "createdAt", "updatedAt");

  private final WorkflowService workflows;
  private final ExecutionService executions;
  private final Duration maxWait;

  public WorkflowRoutes(WorkflowService workflows, ExecutionService executions,
      Duration maxWait) {
    this.workflows = workflows;
    this.executions = executions;
    this.maxWait = maxWait;
  }

  public Route routes(Caller caller) {
    String requestId = caller.correlationId();
    return pathPrefix("workflows", () -> concat(
        pathEnd(() -> concat(
            post(() -> jsonBody(requestId, body -> onSuccess(workflows.create(caller, body),
                created -> respondWithHeader(Location.create("/api/v1/workflows/"
                    + created.workflowId()), () -> json(StatusCodes.CREATED,
                        WorkflowView.of(created)))))),
            get(() -> extractRequest(request -> {
              WorkflowQuery query = query(new QueryParams(request.getUri().query()));
              return onSuccessJson(workflows.list(caller, query), StatusCodes.OK,
                  page -> new PageView<>(page.items().stream().map(WorkflowSummaryView::of)
                      .toList(), page.total(), page.limit(), page.offset()));
            })))),
        path("validate", () -> post(() -> jsonBody(requestId, body ->
            onSuccessJson(workflows.validate(body), StatusCodes.OK,
                def -> new ValidationView(true, def.id(), def.allSteps().size()))))),
        pathPrefix(PathMatchers.segment(), id -> concat(
            pathEnd(() -> concat(
                get(() -> extractRequest(request -> {
                  var params = new QueryParams(request.getUri().query());
                  Integer version = params.integer("version", null, 1, Integer.MAX_VALUE);
                  params.check();
                  return onSuccessJson(workflows.get(caller, id, version), StatusCodes.OK,
                      WorkflowView::of);
                })),
                put(() -> jsonBody(requestId, body -> onSuccessJson(
                    workflows.update(caller, id, body), StatusCodes.OK, WorkflowView::of))),
                delete(() -> onSuccessJson(workflows.archive(caller, id), StatusCodes.OK,
                    WorkflowView::of)))),
            path("versions", () -> get(() -> onSuccessJson(workflows.versions(caller, id),
                StatusCodes.OK, versions -> new VersionsView(id, versions)))),
            path("execute", () -> post(() -> execute(caller, id)))))));
  }

  private Route execute(Caller caller, String workflowId) {
    return extractRequest(httpRequest -> optionalHeaderValueByName("Idempotency-Key",
        headerKey -> optionalJsonBody(caller.correlationId(), body -> {
          var params = new QueryParams(httpRequest.getUri().query());
          Duration wait = params.duration("wait", null, maxWait);
          params.check();
          var request = RequestBodies.execute(body, headerKey.orElse(null));
          return onSuccess(executions.start(caller, workflowId, request), started ->
              wait == null ? accepted(started)
                  : onSuccess(executions.awaitEnd(started, wait), ended -> ended.isPresent()
                      ? replayMarked(started, () -> json(StatusCodes.OK, ended.get()))
                      : accepted(started)));
        })));
  }

  /** 202 with where to follow the execution; a repeat of an earlier start says so. */
  private Route accepted(ExecutionService.Started started) {
    var reply = started.reply();
    var response = ExecuteResponse.of(reply.executionId(), reply.status().name());
    return replayMarked(started, () -> json(StatusCodes.ACCEPTED, response));
  }

  private Route replayMarked(ExecutionService.Started started,
      java.util.function.Supplier<Route> inner) {
    return started.reply().created() ? inner.get()
        : respondWithHeader(RawHeader.create("Idempotent-Replayed", "true"), inner);
  }

  private static WorkflowQuery query(QueryParams params) {
    String sort = params.oneOf("sort", Set.of("id", "-id", "name", "-name", "createdAt",
        "-createdAt", "updatedAt", "-updatedAt"), "id");
    int limit = params.integer("limit", 50, 1, WorkflowQuery.MAX_LIMIT);
    int offset = params.integer("offset", 0, 0, Integer.MAX_VALUE);
    boolean archived = params.flag("includeArchived");
    String search = params.text("search");
    params.check();
    boolean descending = sort.startsWith("-");
    String column = descending ? sort.substring(1) : sort;
    return new WorkflowQuery(search, archived, SORTS.contains(column) ? column : "id",
        descending, limit, offset);
  }
}
