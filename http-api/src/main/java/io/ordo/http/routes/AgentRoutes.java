package io.ordo.http.routes;

import io.ordo.engine.runtime.agents.AgentQuery;
import io.ordo.engine.runtime.audit.Caller;
import io.ordo.http.dto.AgentHealthCheckView;
import io.ordo.http.dto.AgentView;
import io.ordo.http.dto.PageView;
import io.ordo.http.service.AgentService;
import java.util.Set;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Location;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code /api/v1/agents}: the agents registry and on-demand health checks. */
public final class AgentRoutes extends ApiRoutes implements ApiResource {

  private static final Set<String> SORTS = Set.of("id", "-id", "name", "-name", "updatedAt",
      "-updatedAt");

  private final AgentService agents;

  public AgentRoutes(AgentService agents) {
    this.agents = agents;
  }

  public Route routes(Caller caller) {
    String requestId = caller.correlationId();
    return pathPrefix("agents", () -> concat(
        pathEnd(() -> concat(
            post(() -> jsonBody(requestId, body -> onSuccess(agents.create(caller, body),
                created -> respondWithHeader(Location.create("/api/v1/agents/"
                    + created.agentId()), () -> json(StatusCodes.CREATED,
                        AgentView.of(created)))))),
            get(() -> extractRequest(request -> {
              AgentQuery query = query(new QueryParams(request.getUri().query()));
              return onSuccessJson(agents.list(caller, query), StatusCodes.OK,
                  page -> new PageView<>(page.items().stream().map(AgentView::of).toList(),
                      page.total(), page.limit(), page.offset()));
            })))),
        pathPrefix(PathMatchers.segment(), id -> concat(
            pathEnd(() -> concat(
                get(() -> onSuccessJson(agents.get(caller, id), StatusCodes.OK,
                    AgentView::of)),
                put(() -> jsonBody(requestId, body -> onSuccessJson(
                    agents.replace(caller, id, body), StatusCodes.OK, AgentView::of))),
                delete(() -> onSuccess(agents.delete(caller, id),
                    done -> complete(StatusCodes.NO_CONTENT))))),
            path("health", () -> get(() -> onSuccessJson(agents.health(caller, id),
                StatusCodes.OK, AgentHealthCheckView::of)))))));
  }

  private static AgentQuery query(QueryParams params) {
    String sort = params.oneOf("sort", SORTS, "id");
    int limit = params.integer("limit", 50, 1, AgentQuery.MAX_LIMIT);
    int offset = params.integer("offset", 0, 0, Integer.MAX_VALUE);
    String enabled = params.oneOf("enabled", Set.of("true", "false"), null);
    String search = params.text("search");
    params.check();
    boolean descending = sort.startsWith("-");
    return new AgentQuery(search, enabled == null ? null : Boolean.valueOf(enabled),
        descending ? sort.substring(1) : sort, descending, limit, offset);
  }
}
