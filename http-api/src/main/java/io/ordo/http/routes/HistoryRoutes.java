package io.ordo.http.routes;

import io.ordo.engine.runtime.audit.Caller;
import io.ordo.http.dto.HistoryRebuildView;
import io.ordo.http.service.HistoryService;
import java.time.Instant;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The read side: {@code GET /executions} (filtered, keyset-paginated), an execution's
 * {@code steps}, {@code timeline}, {@code logs} and {@code artifacts} (each one's value at
 * {@code artifacts/{stepId}/{name}}), a workflow's
 * {@code metrics}, and the history projection's progress and rebuild under
 * {@code /admin/projections/history}. Other routes of the same paths come first
 * ({@link ExecutionRoutes}, {@link WorkflowRoutes}); these only take what they leave.
 */
public final class HistoryRoutes extends ApiRoutes implements ApiResource {

  private static final String PROGRESS = "/api/v1/admin/projections/history";

  private final HistoryService history;

  public HistoryRoutes(HistoryService history) {
    this.history = history;
  }

  public Route routes(Caller caller) {
    return concat(
        pathPrefix("executions", () -> concat(
            pathEnd(() -> get(() -> extractRequest(request -> {
              var filter = new HistoryParams(request.getUri().query()).executionFilter();
              return onSuccessJson(history.list(caller, filter), StatusCodes.OK, page -> page);
            }))),
            pathPrefix(PathMatchers.segment(), id -> concat(
                path("steps", () -> get(() -> onSuccessJson(history.steps(caller, id),
                    StatusCodes.OK, view -> view))),
                path("timeline", () -> get(() -> onSuccessJson(history.timeline(caller, id),
                    StatusCodes.OK, view -> view))),
                path("artifacts", () -> get(() -> onSuccessJson(history.artifacts(caller, id),
                    StatusCodes.OK, view -> view))),
                path(PathMatchers.segment("artifacts").slash(PathMatchers.segment())
                    .slash(PathMatchers.segment()), (stepId, name) -> get(() ->
                    extractRequest(request -> {
                      var params = new HistoryParams(request.getUri().query());
                      Integer item = params.integer("item", null, 0, Integer.MAX_VALUE);
                      params.check();
                      return onSuccess(history.artifact(caller, id, stepId, item, name),
                          content -> complete(HistoryArtifactResponse.of(content)));
                    }))),
                path("logs", () -> get(() -> extractRequest(request -> {
                  var params = new HistoryParams(request.getUri().query());
                  int afterSeq = params.integer("afterSeq", 0, 0, Integer.MAX_VALUE);
                  int limit = params.integer("limit", 100, 1, 1000);
                  params.check();
                  return onSuccessJson(history.logs(caller, id, afterSeq, limit),
                      StatusCodes.OK, view -> view);
                }))))))),
        pathPrefix("workflows", () -> path(PathMatchers.segment().slash("metrics"), id ->
            get(() -> extractRequest(request -> {
              var params = new HistoryParams(request.getUri().query());
              Integer version = params.integer("version", null, 1, Integer.MAX_VALUE);
              Instant from = params.instant("from");
              Instant to = params.instant("to");
              params.check(from, to);
              return onSuccessJson(history.metrics(caller, id, version, from, to),
                  StatusCodes.OK, view -> view);
            })))),
        pathPrefix("admin", () -> pathPrefix("projections", () -> pathPrefix("history", () ->
            concat(
                pathEnd(() -> get(() -> onSuccessJson(history.progress(), StatusCodes.OK,
                    view -> view))),
                path("rebuild", () -> post(() -> onSuccessJson(history.rebuild(),
                    StatusCodes.ACCEPTED, instances -> new HistoryRebuildView("history",
                        instances, PROGRESS)))))))));
  }
}
