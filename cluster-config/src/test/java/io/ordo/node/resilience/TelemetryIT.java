package io.ordo.node.resilience;

import static io.ordo.node.resilience.Resilience.assertProblem;
import static io.ordo.node.resilience.Resilience.awaitEnd;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.runtime.projection.ExecutionIndex;
import io.ordo.node.testing.ApiClient.Response;
import io.ordo.node.testing.HeldEntities;
import io.ordo.node.testing.PrometheusText;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What an operator sees of a node: {@code GET /metrics} counts real executions, steps, retries,
 * breakers, requests and journal writes; every request leaves an access log line with its
 * request id; a request that outlives the server's timeout is answered as problem+json.
 */
class TelemetryIT extends SingleNodeSupport {

  private static final String OK = "{\"ok\": true}";

  @Override
  protected Map<String, Object> nodeSettings() {
    // Short, so the timeout test is quick; every other request here answers in milliseconds.
    return Map.of("pekko.http.server.request-timeout", "4s", "ordo.http.max-wait", "10s");
  }

  private PrometheusText scrape() {
    Response r = api.get("/metrics");
    assertEquals(200, r.status(), r.body());
    assertTrue(r.contentType().startsWith("text/plain"), r.contentType());
    return PrometheusText.parse(r.body());
  }

  @Test
  void metricsCountExecutionsStepsRetriesBreakersRequestsAndJournalWrites() {
    String agentId = newAgent("metrics", "");
    agent.on("/" + agentId).fail(1, 503).thenRespond(200, OK);
    String flaky = newCallWorkflow(agentId, "/" + agentId,
        "\"retry\": {\"strategy\": \"FIXED\", \"maxAttempts\": 2, \"initialDelay\": \"PT0.1S\"}");
    agent.on("/" + agentId + "/down").status(500);
    String failing = newCallWorkflow(agentId, "/" + agentId + "/down",
        "\"retry\": {\"strategy\": \"FIXED\", \"maxAttempts\": 1}");

    awaitEnd(api, api.execute(flaky, "{}"), "COMPLETED");
    awaitEnd(api, api.execute(failing, "{}"), "FAILED");

    PrometheusText m = scrape();
    assertEquals(1, m.value("ordo_executions_started_total", "workflow", flaky));
    assertEquals(1, m.value("ordo_executions_finished_total", "workflow", flaky,
        "status", "COMPLETED"));
    assertEquals(1, m.value("ordo_executions_finished_total", "workflow", failing,
        "status", "FAILED"));
    assertEquals(1, m.value("ordo_step_retries_total", "workflow", flaky));
    assertEquals(1, m.value("ordo_step_duration_seconds_count", "workflow", flaky,
        "type", "HTTP_REQUEST", "outcome", "failed"));
    assertEquals(1, m.value("ordo_step_duration_seconds_count", "workflow", flaky,
        "type", "HTTP_REQUEST", "outcome", "succeeded"));
    assertEquals(1, m.value("ordo_execution_duration_seconds_count", "workflow", failing,
        "status", "FAILED"));
    assertTrue(m.value("ordo_journal_write_seconds_count") >= 4, "journal writes counted");
    // Two failures in a row (the flaky one's first attempt, then the failing one's).
    assertEquals(1, m.value("ordo_breaker_state", "breaker", "agent:default/" + agentId, "status", "CLOSED"));
    assertEquals(0, m.value("ordo_breaker_state", "breaker", "agent:default/" + agentId, "status", "OPEN"));
    assertTrue(m.value("http_server_requests_seconds_count", "method", "POST",
        "route", "/api/v1/workflows/{id}/execute", "status", "202") >= 2);
    assertEquals(0, m.value("ordo_live_executions_followed"), "no live stream is open");
    assertTrue(m.value("process_uptime_seconds") > 0);

    // The projections catch up with everything written above, and say so.
    await().atMost(Resilience.WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
      PrometheusText now = scrape();
      assertEquals(0, now.value("ordo_projection_lag_events", "projection", "history"));
      assertEquals(0, now.value("ordo_projection_lag_events", "projection", ExecutionIndex.PROJECTION_NAME));
    });
  }

  @Test
  void theInMemoryGaugeCountsTheExecutionEntitiesTheNodesShardsHold() {
    api.createWorkflow("""
        {"id": "held", "steps": [{"id": "w", "type": "WAIT", "duration": "PT1H"}]}""");
    for (int i = 0; i < 3; i++) {
      api.execute("held", "{}");
    }
    // Waiting executions stay in memory for passivate-when-idle (30 s), so at least three are
    // held; ended ones of other tests may leave meanwhile, so wait until both counts agree.
    await().atMost(Resilience.WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
      int held = HeldEntities.of(node).size();
      return held >= 3 && scrape().value("ordo_executions_in_memory") == held;
    });
  }

  @Test
  void everyRequestIsLoggedWithItsRequestId() {
    Logger access = (Logger) LoggerFactory.getLogger("io.ordo.http.access");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    access.addAppender(lines);
    try {
      Response r = api.send(api.request("/api/v1/workflows/no-such-workflow")
          .header("X-Request-Id", "telemetry-it-42").GET());
      assertEquals(404, r.status());
      assertEquals("telemetry-it-42", r.header("X-Request-Id"));
      ILoggingEvent line = lines.list.stream()
          .filter(e -> "telemetry-it-42".equals(e.getMDCPropertyMap().get("requestId")))
          .findFirst().orElseThrow(() -> new AssertionError("no access line: " + lines.list));
      assertEquals("GET", line.getMDCPropertyMap().get("httpMethod"));
      assertEquals("/api/v1/workflows/{id}", line.getMDCPropertyMap().get("httpRoute"));
      assertEquals("404", line.getMDCPropertyMap().get("httpStatus"));
      assertTrue(line.getFormattedMessage().contains("/api/v1/workflows/no-such-workflow"));
    } finally {
      access.detachAppender(lines);
    }
  }

  @Test
  void aRequestThatOutlivesTheServerTimeoutIsAProblemWithItsRequestId() {
    String id = Resilience.uniqueId("slow");
    api.createWorkflow("""
        {"id": "%s", "steps": [{"id": "nap", "type": "WAIT", "duration": "PT1H"}]}"""
        .formatted(id));
    // This node allows waits longer than its request timeout (a misconfiguration, on purpose).
    Response r = api.send(api.request("/api/v1/workflows/" + id + "/execute?wait=PT8S")
        .header("X-Request-Id", "slow-1")
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
    JsonNode problem = assertProblem(r, 503);
    assertEquals("Request timed out", problem.get("title").asText());
    assertEquals("slow-1", problem.get("requestId").asText(), problem::toPrettyString);
  }
}
