package io.ordo.http;

import io.ordo.engine.runtime.Engine;
import io.ordo.engine.runtime.metrics.OrdoMetrics;
import io.ordo.engine.runtime.audit.AuditStore;
import io.ordo.http.routes.AgentRoutes;
import io.ordo.http.routes.AuditRoutes;
import io.ordo.http.routes.BreakerRoutes;
import io.ordo.http.routes.EventStreamRoutes;
import io.ordo.http.routes.ExecutionRoutes;
import io.ordo.http.routes.HealthRoutes;
import io.ordo.http.routes.HistoryRoutes;
import io.ordo.http.routes.WorkflowRoutes;
import io.ordo.http.service.AgentHealthCheck;
import io.ordo.http.service.AgentService;
import io.ordo.http.service.AuditService;
import io.ordo.http.service.BreakerService;
import io.ordo.http.service.EventStreamService;
import io.ordo.http.service.EventStreamSettings;
import io.ordo.http.service.ExecutionService;
import io.ordo.http.service.HistoryService;
import io.ordo.http.service.ReadinessProbe;
import io.ordo.http.service.ShardedExecutionGateway;
import io.ordo.http.service.WorkflowService;
import java.util.List;
import java.util.concurrent.CompletionStage;
import io.ordo.http.telemetry.MetricsRoutes;
import io.ordo.http.telemetry.RequestTelemetry;
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
            new EventStreamRoutes(new EventStreamService(system,
                EventStreamSettings.from(system.settings().config()))),
            new AuditRoutes(new AuditService(new AuditStore(engine.jdbc()))),
            new AgentRoutes(agents),
            new BreakerRoutes(new BreakerService(engine.breakers())),
            new HistoryRoutes(HistoryService.of(system, engine, workflows))),
        new RequestTelemetry(OrdoMetrics.get(system).registry(),
            system.settings().config().getBoolean("ordo.http.access-log")),
        new MetricsRoutes(system));
    return HttpServer.start(system, settings, api.routes());
  }
}
