package io.ordo.http;

import io.ordo.engine.runtime.Engine;
import io.ordo.http.routes.AgentRoutes;
import io.ordo.http.routes.BreakerRoutes;
import io.ordo.http.routes.ExecutionRoutes;
import io.ordo.http.routes.HealthRoutes;
import io.ordo.http.routes.WorkflowRoutes;
import io.ordo.http.service.AgentHealthCheck;
import io.ordo.http.service.AgentService;
import io.ordo.http.service.BreakerService;
import io.ordo.http.service.ExecutionService;
import io.ordo.http.service.ReadinessProbe;
import io.ordo.http.service.ShardedExecutionGateway;
import io.ordo.http.service.WorkflowService;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.ServerBinding;

/** Wires the API over an engine and binds it. */
public final class OrdoHttp {

  private OrdoHttp() {}

  public static CompletionStage<ServerBinding> init(ActorSystem<?> system, Engine engine) {
    HttpSettings settings = HttpSettings.from(system.settings().config());
    var workflows = new WorkflowService(engine.definitions(), engine.parser());
    var gateway = new ShardedExecutionGateway(system, settings.askTimeout());
    var executions = new ExecutionService(workflows, engine.registry(), gateway,
        engine.handlers());
    var agents = new AgentService(engine.agents(), new AgentHealthCheck(system,
        engine.agentSettings().healthTimeout(), engine.clock()));
    var api = new OrdoApi(settings,
        new HealthRoutes(new ReadinessProbe(system, engine.jdbc())),
        List.of(new WorkflowRoutes(workflows, executions, settings.maxWait()),
            new ExecutionRoutes(executions),
            new AgentRoutes(agents),
            new BreakerRoutes(new BreakerService(engine.breakers()))));
    return HttpServer.start(system, settings, api.routes());
  }
}
