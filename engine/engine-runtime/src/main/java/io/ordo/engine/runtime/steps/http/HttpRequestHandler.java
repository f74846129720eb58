package io.ordo.engine.runtime.steps.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.StepType;
import io.ordo.engine.model.steps.HttpRequestSpec;
import io.ordo.engine.runtime.agents.AgentEndpoint;
import io.ordo.engine.runtime.agents.AgentResolver;
import io.ordo.engine.runtime.steps.StepCall;
import io.ordo.engine.runtime.steps.StepHandler;
import io.ordo.engine.runtime.steps.StepInvocation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * HTTP_REQUEST: calls a registered agent (its base URL plus {@code request.path}, with its auth
 * headers, timeout and retry defaults, behind the agent's breaker) or an absolute
 * {@code request.url} (behind the host's breaker). Output {@code {status, headers, body}};
 * failures are classified by {@link HttpOutcomes}.
 */
public final class HttpRequestHandler implements StepHandler.Async {

  /** The workspace of a context that does not name one. */
  static final String DEFAULT_WORKSPACE = "default";

  private final AgentResolver agents;
  private final HttpCallRunner runner;
  private final HttpSettings settings;

  HttpRequestHandler(AgentResolver agents, HttpCallRunner runner, HttpSettings settings) {
    this.agents = agents;
    this.runner = runner;
    this.settings = settings;
  }

  @Override
  public StepType type() {
    return StepType.HTTP_REQUEST;
  }

  @Override
  public StepCall start(StepInvocation invocation) {
    var spec = (HttpRequestSpec) invocation.step().spec();
    if (spec.agent() == null) {
      return runner.run(CompletableFuture.completedFuture(planUrl(invocation, spec)));
    }
    String workspace = workspaceOf(invocation.context());
    CompletionStage<HttpPlan> plan = agents.resolve(workspace, spec.agent())
        .thenApply(agent -> planAgent(invocation, spec, workspace, agent));
    return runner.run(plan);
  }

  private HttpPlan planUrl(StepInvocation invocation, HttpRequestSpec spec) {
    try {
      String url = RequestTemplates.text(spec.url(), invocation.context(), "request.url");
      OutboundRequest request = request(invocation, spec, url, Map.of());
      Duration timeout = invocation.timeout() != null
          ? invocation.timeout() : settings.defaultTimeout();
      return new HttpPlan.Call(request, RequestTemplates.hostBreakerId(request), timeout,
          spec.retryOn(), null);
    } catch (RequestTemplates.Problem problem) {
      return HttpPlan.Refused.of(problem);
    }
  }

  private HttpPlan planAgent(StepInvocation invocation, HttpRequestSpec spec, String workspace,
      Optional<AgentEndpoint> found) {
    try {
      AgentEndpoint agent = found.orElseThrow(() -> new RequestTemplates.Problem(
          HttpErrorClasses.AGENT_NOT_FOUND, "there is no agent '" + spec.agent()
          + "' in workspace '" + workspace + "'"));
      if (!agent.enabled()) {
        throw new RequestTemplates.Problem(HttpErrorClasses.AGENT_DISABLED,
            "agent '" + spec.agent() + "' is disabled");
      }
      String path = RequestTemplates.text(spec.path(), invocation.context(), "request.path");
      OutboundRequest request = request(invocation, spec,
          RequestTemplates.join(agent.baseUrl(), path), agent.authHeaders());
      Duration timeout = invocation.timeout() != null ? invocation.timeout()
          : agent.defaultTimeout() != null ? agent.defaultTimeout() : settings.defaultTimeout();
      return new HttpPlan.Call(request, "agent:" + workspace + "/" + agent.agentId(), timeout,
          spec.retryOn(), agent.defaultRetry());
    } catch (RequestTemplates.Problem problem) {
      return HttpPlan.Refused.of(problem);
    }
  }

  private static OutboundRequest request(StepInvocation invocation, HttpRequestSpec spec,
      String url, Map<String, String> auth) throws RequestTemplates.Problem {
    JsonNode context = invocation.context();
    URI uri = RequestTemplates.url(url, RequestTemplates.query(spec.query(), context));
    List<Map.Entry<String, String>> headers =
        RequestTemplates.headers(spec.headers(), context, "request.headers");
    byte[] body = spec.body() == null ? null
        : RequestTemplates.json(RequestTemplates.evaluate(spec.body(), context, "request.body"));
    return RequestTemplates.assemble(spec.method(), uri, headers, auth,
        invocation.idempotencyKey(), body);
  }

  /**
   * The execution's workspace, from {@code .execution.workspaceId} of the context; the default
   * workspace for a context without one.
   */
  static String workspaceOf(JsonNode context) {
    JsonNode workspace = context.path("execution").path("workspaceId");
    return workspace.isTextual() ? workspace.textValue() : DEFAULT_WORKSPACE;
  }
}
