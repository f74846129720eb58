package io.ordo.http.routes;

import io.ordo.engine.runtime.audit.Caller;
import io.ordo.http.service.ExecutionService;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code /api/v1/executions}: reading an execution (from its entity) and commands to it. */
public final class ExecutionRoutes extends ApiRoutes implements ApiResource {

  private final ExecutionService executions;

  public ExecutionRoutes(ExecutionService executions) {
    this.executions = executions;
  }

  public Route routes(Caller caller) {
    return pathPrefix("executions", () -> pathPrefix(PathMatchers.segment(), id -> concat(
        pathEnd(() -> get(() -> onSuccessJson(executions.get(caller, id), StatusCodes.OK,
            view -> view))),
        path("cancel", () -> post(() -> optionalJsonBody(caller.correlationId(), body ->
            onSuccessJson(executions.cancel(caller, id, RequestBodies.reason(body)),
                StatusCodes.OK, view -> view)))),
        path("pause", () -> post(() -> onSuccessJson(executions.pause(caller, id),
            StatusCodes.OK, view -> view))),
        path("resume", () -> post(() -> onSuccessJson(executions.resume(caller, id),
            StatusCodes.OK, view -> view))),
        path("retry", () -> post(() -> onSuccessJson(executions.retry(caller, id),
            StatusCodes.OK, view -> view))),
        pathPrefix("signals", () -> path(PathMatchers.segment(), name -> post(() ->
            optionalJsonBody(caller.correlationId(), body -> onSuccessJson(
                executions.signal(caller, id, RequestBodies.signalName(name),
                    RequestBodies.payload(body)), StatusCodes.OK, signalled -> signalled))))))));
  }
}
