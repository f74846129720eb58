package io.ordo.node.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.testing.ApiClient.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /executions} and {@code GET /workflows/{id}/metrics} over executions of two
 * workflows (one with two versions), some failing, with different triggers. Each workflow is a
 * VALIDATION step that fails when the input says so, so executions end in-process, at once.
 */
class ExecutionListIT extends HistorySupport {

  private String alpha;
  private String beta;
  /** Every execution started in {@link #runExecutions}, oldest first. */
  private final List<String> started = new ArrayList<>();
  private final List<String> alphaFailed = new ArrayList<>();

  private static String workflow(String id, String extraStep) {
    return """
        {"id": "%s",
         "steps": [
           {"id": "check", "type": "VALIDATION", "value": "${ .input }",
            "schema": {"type": "object", "properties": {"fail": {"const": false}}}},
           {"id": "done", "type": "DATA_TRANSFORM", "dependsOn": ["check"],
            "expression": "${ .input }"}%s
         ]}""".formatted(id, extraStep);
  }

  private String run(String workflowId, boolean fail, String trigger) {
    String id = api.execute(workflowId, "{\"input\": {\"fail\": " + fail + "},"
        + " \"triggeredBy\": \"" + trigger + "\"}");
    started.add(id);
    return id;
  }

  @BeforeAll
  void runExecutions() {
    alpha = uniqueId("alpha");
    beta = uniqueId("beta");
    api.createWorkflow(workflow(alpha, ""));
    api.createWorkflow(workflow(beta, ""));
    run(alpha, false, "shop");
    run(alpha, false, "shop");
    alphaFailed.add(run(alpha, true, "cron"));
    run(beta, false, "shop");
    Response v2 = api.put("/api/v1/workflows/" + alpha, workflow(alpha,
        ", {\"id\": \"extra\", \"type\": \"DATA_TRANSFORM\", \"dependsOn\": [\"done\"],"
            + " \"expression\": \"${ 1 }\"}"));
    assertEquals(200, v2.status(), v2::body);
    run(alpha, false, "cron");
    run(beta, true, "cron");
    run(beta, false, "shop");
    started.forEach(this::awaitEnd);
    awaitListed("", started.size());
  }

  private static List<String> ids(List<JsonNode> items) {
    return items.stream().map(i -> i.get("id").asText()).toList();
  }

  private static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static List<String> reversed(List<String> ids) {
    var copy = new ArrayList<>(ids);
    Collections.reverse(copy);
    return copy;
  }

  /** The listed executions this class started in {@link #runExecutions}, as listed. */
  private List<JsonNode> ours(List<JsonNode> listed) {
    return listed.stream().filter(i -> started.contains(i.get("id").asText())).toList();
  }

  @Test
  void listsNewestFirstWithTheExecutionsOutcome() {
    List<JsonNode> all = ours(listAll(""));
    assertEquals(reversed(started), ids(all));
    JsonNode failed = all.stream().filter(i -> i.get("id").asText().equals(alphaFailed.get(0)))
        .findFirst().orElseThrow();
    assertEquals("FAILED", failed.get("status").asText());
    assertEquals(alpha, failed.get("workflowId").asText());
    assertEquals(1, failed.get("version").asInt());
    assertEquals("cron", failed.get("triggeredBy").asText());
    assertEquals("check", failed.at("/error/stepId").asText(), failed::toPrettyString);
    assertFalse(failed.at("/error/class").asText().isBlank());
    assertTrue(failed.get("durationMs").asLong() >= 0);
  }

  @Test
  void filtersByWorkflowVersionStatusAndTrigger() {
    assertEquals(4, listAll("workflowId=" + alpha).size());
    assertEquals(3, listAll("workflowId=" + alpha + "&version=1").size());
    assertEquals(1, listAll("workflowId=" + alpha + "&version=2").size());
    assertEquals(alphaFailed, ids(listAll("workflowId=" + alpha + "&status=FAILED")));
    assertEquals(2, ours(listAll("status=FAILED")).size());
    assertEquals(5, ours(listAll("status=COMPLETED")).size());
    assertEquals(7, ours(listAll("status=FAILED,completed")).size(), "a list, any case");
    assertEquals(7, ours(listAll("status=FAILED&status=COMPLETED")).size());
    assertEquals(0, listAll("status=RUNNING").size());
    assertEquals(3, ours(listAll("triggeredBy=cron")).size());
    assertEquals(List.of("FAILED", "FAILED"), ours(listAll("triggeredBy=cron&status=FAILED"))
        .stream().map(i -> i.get("status").asText()).toList());
    assertEquals(0, listAll("workflowId=nope").size());
  }

  @Test
  void severalStatusesStillPageNewestFirst() {
    assertEquals(ids(listAll("")), ids(pages("status=COMPLETED&status=FAILED", 2)));
  }

  @Test
  void filtersByStartTimeFromInclusiveToExclusive() {
    List<JsonNode> all = ours(listAll(""));
    // Newest first: from the 3rd oldest (inclusive) to the 6th oldest (exclusive).
    Instant from = Instant.parse(all.get(all.size() - 3).get("startedAt").asText());
    Instant to = Instant.parse(all.get(all.size() - 6).get("startedAt").asText());
    List<String> window = ids(listAll("from=" + q(from.toString()) + "&to=" + q(to.toString())));
    assertEquals(reversed(started.subList(2, 5)), window);
  }

  @Test
  void pagesFollowTheCursorWithoutDuplicatesOrGaps() {
    List<String> expected = ids(listAll(""));
    for (int limit : List.of(1, 2, 3, 7)) {
      assertEquals(expected, ids(pages("", limit)), "limit " + limit);
    }
    Response last = api.get("/api/v1/executions?limit=" + expected.size());
    assertTrue(last.json().get("nextCursor").isNull(), "a page that reaches the end says so");
  }

  @Test
  void anExecutionStartedWhilePagingDoesNotShiftLaterPages() {
    // A workflow of its own, so the other tests' counts do not depend on the order they run.
    String gamma = uniqueId("gamma");
    api.createWorkflow(workflow(gamma, ""));
    var gammas = new ArrayList<String>();
    for (int i = 0; i < 3; i++) {
      gammas.add(api.execute(gamma, "{\"input\": {\"fail\": false}}"));
    }
    gammas.forEach(this::awaitEnd);
    List<String> before = ids(awaitListed("workflowId=" + gamma, 3));
    assertEquals(reversed(gammas), before);

    Response first = api.get("/api/v1/executions?limit=1&workflowId=" + gamma);
    String cursor = first.json().get("nextCursor").asText();
    String newer = api.execute(gamma, "{\"input\": {\"fail\": false}}");
    awaitEnd(newer);
    awaitListed("workflowId=" + gamma, 4);

    var seen = new ArrayList<String>(ids(List.of(first.json().get("items").get(0))));
    while (cursor != null) {
      JsonNode page = api.get("/api/v1/executions?limit=1&workflowId=" + gamma + "&cursor="
          + cursor).json();
      page.get("items").forEach(i -> seen.add(i.get("id").asText()));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    }
    assertEquals(before, seen, "the new one sorts before the cursor: no repeat, no shift");
    assertEquals(newer, ids(listAll("workflowId=" + gamma)).get(0));
  }

  @Test
  void badFilterValuesAreAllNamedInOneProblem() {
    JsonNode problem = assertProblem(api.get("/api/v1/executions?status=DONE&from=yesterday"
        + "&limit=0&cursor=abc&version=2"), 400);
    assertEquals(List.of("/cursor", "/from", "/limit", "/status", "/version"),
        pointers(problem).stream().sorted().toList());
    assertEquals(List.of("/to"), pointers(assertProblem(api.get(
        "/api/v1/executions?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"), 400)));
    assertEquals(List.of("/limit"), pointers(assertProblem(api.get(
        "/api/v1/executions?limit=501"), 400)));
  }

  @Test
  void metricsCountOutcomesAndStepsOfOneWorkflow() {
    Response r = api.get("/api/v1/workflows/" + alpha + "/metrics");
    assertEquals(200, r.status(), r::body);
    JsonNode m = r.json();
    assertEquals(4, m.get("total").asInt(), m::toPrettyString);
    assertEquals(3, m.at("/byStatus/COMPLETED").asInt());
    assertEquals(1, m.at("/byStatus/FAILED").asInt());
    assertEquals(0.75, m.get("successRate").asDouble(), 1e-9);
    assertEquals(4, m.at("/durationMs/count").asInt());
    for (String field : List.of("avg", "p50", "p95", "p99")) {
      assertTrue(m.at("/durationMs/" + field).isNumber(), field);
    }
    assertTrue(m.at("/durationMs/p50").asDouble() <= m.at("/durationMs/p99").asDouble());

    JsonNode steps = m.get("steps");
    assertEquals(List.of("check", "done", "extra"), List.of(steps.get(0).get("stepId").asText(),
        steps.get(1).get("stepId").asText(), steps.get(2).get("stepId").asText()));
    JsonNode check = steps.get(0);
    assertEquals(4, check.get("runs").asInt());
    assertEquals(1, check.get("failed").asInt());
    assertEquals(0.25, check.get("failureRate").asDouble(), 1e-9);
    assertTrue(check.get("avgDurationMs").isNumber());
    JsonNode done = steps.get(1);
    assertEquals(3, done.get("runs").asInt());
    assertEquals(0.0, done.get("failureRate").asDouble());
    assertEquals(1, steps.get(2).get("runs").asInt(), "only version 2 has it");

    String lastAlpha = ids(listAll("workflowId=" + alpha)).get(0);
    assertEquals(lastAlpha, m.at("/lastExecution/id").asText());
    assertEquals("COMPLETED", m.at("/lastExecution/status").asText());

    JsonNode v1 = api.get("/api/v1/workflows/" + alpha + "/metrics?version=1").json();
    assertEquals(3, v1.get("total").asInt());
    assertEquals(2.0 / 3, v1.get("successRate").asDouble(), 1e-9);
  }

  @Test
  void metricsOfAnUnknownWorkflowAreNotFoundAndBadParametersNamed() {
    assertProblem(api.get("/api/v1/workflows/nope/metrics"), 404);
    JsonNode problem = assertProblem(api.get("/api/v1/workflows/" + alpha
        + "/metrics?version=0&from=never"), 400);
    assertEquals(List.of("/from", "/version"), pointers(problem).stream().sorted().toList());
  }

  @Test
  void aFailedExecutionsTimelineShowsTheFailedStepAndTheStepsThatDidNotRun() {
    JsonNode timeline = awaitHistory(alphaFailed.get(0), "FAILED");
    assertEquals("check", timeline.at("/error/stepId").asText(), timeline::toPrettyString);
    JsonNode check = timeline.at("/steps/0");
    assertEquals("check", check.get("id").asText());
    assertEquals("VALIDATION", check.get("type").asText());
    assertEquals("FAILED", check.get("status").asText());
    assertEquals(1, check.at("/error/attempt").asInt());
    assertEquals(timeline.at("/error/class").asText(), check.at("/error/class").asText());
    assertEquals("{\"fail\":true}", timeline.get("inputSummary").asText());
    // The step after it never ran, so it has no events: it is shown from the definition.
    JsonNode done = timeline.at("/steps/1");
    assertEquals("done", done.get("id").asText(), timeline::toPrettyString);
    assertEquals("PENDING", done.get("status").asText());
    assertEquals("DATA_TRANSFORM", done.get("type").asText());
    assertEquals(0, done.get("attempts").asInt());
    assertTrue(done.get("startedAt").isNull());
    assertEquals(2, timeline.get("steps").size());
  }

  @Test
  void anotherWorkspacesExecutionsAreNeitherListedNorFound() throws SQLException {
    // Until API keys bind callers to workspaces, every request acts in "default": a row of
    // another workspace can only be put there by hand.
    String foreign = UUID.randomUUID().toString();
    try (Connection c = node.database().dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("INSERT INTO executions (execution_id,"
            + " workspace_id, workflow_id, version, status, started_at, updated_at, last_seq)"
            + " VALUES (?, 'elsewhere', ?, 1, 'FAILED', now(), now(), 1)")) {
      ps.setString(1, foreign);
      ps.setString(2, alpha);
      ps.executeUpdate();
    }
    assertFalse(ids(listAll("")).contains(foreign));
    assertFalse(ids(listAll("workflowId=" + alpha + "&status=FAILED")).contains(foreign));
    for (String tail : List.of("timeline", "steps", "artifacts")) {
      assertProblem(api.get("/api/v1/executions/" + foreign + "/" + tail), 404);
    }
    assertEquals(4, api.get("/api/v1/workflows/" + alpha + "/metrics").json().get("total")
        .asInt());
  }

  /** Every item, {@code limit} at a time, checking that no id comes twice. */
  private List<JsonNode> pages(String query, int limit) {
    var items = new ArrayList<JsonNode>();
    Set<String> seen = new HashSet<>();
    String cursor = null;
    do {
      Response r = api.get("/api/v1/executions?limit=" + limit + "&" + query
          + (cursor == null ? "" : "&cursor=" + cursor));
      assertEquals(200, r.status(), r::body);
      assertTrue(r.json().get("items").size() <= limit);
      r.json().get("items").forEach(i -> {
        assertTrue(seen.add(i.get("id").asText()), "repeated " + i);
        items.add(i);
      });
      JsonNode next = r.json().get("nextCursor");
      cursor = next.isNull() ? null : next.asText();
    } while (cursor != null);
    return items;
  }
}
