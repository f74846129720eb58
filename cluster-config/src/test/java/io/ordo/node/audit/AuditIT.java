package io.ordo.node.audit;

import static io.ordo.node.audit.AuditSupport.param;
import static io.ordo.node.audit.AuditSupport.requestId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.OrdoNode;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.ApiClient.Response;
import io.ordo.node.testing.TestNodes;
import io.ordo.node.testing.TestPostgres;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/v1/audit} on a real node: every workflow, agent and breaker change and every
 * execution command is recorded once, under the request's X-Request-Id, without secrets; and
 * the log filters and pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditIT {

  private static final String TOKEN = "first-s3cr3t-" + UUID.randomUUID();
  private static final String NEW_TOKEN = "second-s3cr3t-" + UUID.randomUUID();

  private OrdoNode node;
  private ApiClient api;
  private AuditSupport audit;

  /** An expected entry: the request it came from and what it says. */
  private record Expected(String requestId, String action, String entityType, String entityId) {}

  @BeforeAll
  void startNode() {
    node = TestNodes.start(TestPostgres.freshDatabase());
    api = new ApiClient(node.httpPort());
    audit = new AuditSupport(api);
  }

  @AfterAll
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String approvalWorkflow(String id, String expression) {
    return """
        {"id": "%s", "steps": [
          {"id": "approve", "type": "WAIT", "signal": "approval"},
          {"id": "after", "type": "DATA_TRANSFORM", "dependsOn": ["approve"],
           "expression": "%s"}]}""".formatted(id, expression);
  }

  @Test
  void everyChangeAndCommandIsRecordedOnceUnderItsRequestId() {
    var expected = new ArrayList<Expected>();
    String workflowId = unique("audited");
    String agentId = unique("agent");
    String r;

    r = requestId("workflow-create");
    audit.send("POST", "/api/v1/workflows", approvalWorkflow(workflowId, "${ 1 }"), r, 201);
    expected.add(new Expected(r, "workflow.created", "workflow", workflowId));
    r = requestId("workflow-update");
    audit.send("PUT", "/api/v1/workflows/" + workflowId, approvalWorkflow(workflowId, "${ 2 }"),
        r, 200);
    expected.add(new Expected(r, "workflow.updated", "workflow", workflowId));

    r = requestId("agent-create");
    audit.send("POST", "/api/v1/agents", """
        {"id": "%s", "baseUrl": "http://127.0.0.1:9", "auth": {"type": "BEARER", "token": "%s"}}"""
        .formatted(agentId, TOKEN), r, 201);
    expected.add(new Expected(r, "agent.created", "agent", agentId));
    r = requestId("agent-update");
    audit.send("PUT", "/api/v1/agents/" + agentId, """
        {"id": "%s", "baseUrl": "http://127.0.0.1:9", "enabled": false,
         "auth": {"type": "BEARER", "token": "%s"}}""".formatted(agentId, NEW_TOKEN), r, 200);
    expected.add(new Expected(r, "agent.updated", "agent", agentId));
    String agentUpdate = r;
    r = requestId("breaker-configure");
    audit.send("PUT", "/api/v1/circuit-breakers/" + agentId, "{\"failureThreshold\": 3}", r, 200);
    expected.add(new Expected(r, "circuit-breaker.configured", null, null));
    r = requestId("breaker-reset");
    audit.send("POST", "/api/v1/circuit-breakers/" + agentId + "/reset", null, r, 200);
    expected.add(new Expected(r, "circuit-breaker.reset", null, null));
    r = requestId("agent-delete");
    audit.send("DELETE", "/api/v1/agents/" + agentId, null, r, 204);
    expected.add(new Expected(r, "agent.deleted", "agent", agentId));

    r = requestId("start");
    String run = audit.send("POST", "/api/v1/workflows/" + workflowId + "/execute", "{}", r, 202)
        .json().get("executionId").asText();
    expected.add(new Expected(r, "execution.started", "execution", run));
    for (String command : List.of("pause", "resume")) {
      r = requestId(command);
      audit.send("POST", "/api/v1/executions/" + run + "/" + command, null, r, 200);
      expected.add(new Expected(r, "execution." + command + "d", "execution", run));
    }
    r = requestId("signal");
    audit.send("POST", "/api/v1/executions/" + run + "/signals/approval", "{\"by\": \"bob\"}", r,
        200);
    expected.add(new Expected(r, "execution.signalled", "execution", run));

    r = requestId("start-to-cancel");
    String cancelled = audit.send("POST", "/api/v1/workflows/" + workflowId + "/execute", "{}",
        r, 202).json().get("executionId").asText();
    expected.add(new Expected(r, "execution.started", "execution", cancelled));
    r = requestId("cancel");
    audit.send("POST", "/api/v1/executions/" + cancelled + "/cancel", "{\"reason\": \"test\"}", r,
        200);
    expected.add(new Expected(r, "execution.cancelled", "execution", cancelled));

    String timing = unique("times-out");
    r = requestId("workflow-create-timeout");
    audit.send("POST", "/api/v1/workflows", """
        {"id": "%s", "timeout": "PT0.5S", "steps": [
          {"id": "approve", "type": "WAIT", "signal": "approval"}]}""".formatted(timing), r, 201);
    expected.add(new Expected(r, "workflow.created", "workflow", timing));
    r = requestId("start-to-time-out");
    String timedOut = audit.send("POST", "/api/v1/workflows/" + timing + "/execute", "{}", r, 202)
        .json().get("executionId").asText();
    expected.add(new Expected(r, "execution.started", "execution", timedOut));
    await().atMost(AuditSupport.LAG).until(() -> api.status(timedOut).equals("TIMED_OUT"));
    r = requestId("retry");
    audit.send("POST", "/api/v1/executions/" + timedOut + "/retry", null, r, 200);
    expected.add(new Expected(r, "execution.retried", "execution", timedOut));

    r = requestId("workflow-archive");
    audit.send("DELETE", "/api/v1/workflows/" + workflowId, null, r, 200);
    expected.add(new Expected(r, "workflow.archived", "workflow", workflowId));

    for (Expected e : expected) {
      JsonNode entries = audit.awaitEntriesOf(e.requestId());
      assertEquals(1, entries.size(), () -> e + ": " + entries);
      JsonNode entry = entries.get(0);
      assertEquals(e.action(), entry.get("action").asText(), entry::toString);
      assertEquals(e.requestId(), entry.get("correlationId").asText(), entry::toString);
      assertEquals("anonymous", entry.get("actor").asText(), entry::toString);
      if (e.entityType() != null) {
        assertEquals(e.entityType(), entry.get("entityType").asText(), entry::toString);
        assertEquals(e.entityId(), entry.get("entityId").asText(), entry::toString);
      }
      Instant.parse(entry.get("at").asText());
      assertTrue(entry.get("id").isIntegralNumber(), entry::toString);
    }

    JsonNode agentChange = audit.awaitEntriesOf(agentUpdate).get(0).get("changes");
    List<String> changed = new ArrayList<>();
    agentChange.get("changed").forEach(p -> changed.add(p.asText()));
    assertTrue(changed.containsAll(List.of("/enabled", "/auth/secret")), agentChange::toString);
    String everything = api.get("/api/v1/audit?limit=500").body();
    assertFalse(everything.contains(TOKEN), "no secret in the audit log");
    assertFalse(everything.contains(NEW_TOKEN), "no secret in the audit log");

    // Later commands (and the signal's step completing the run) add no second entry to any.
    await().atMost(AuditSupport.LAG).until(() -> api.status(run).equals("COMPLETED"));
    JsonNode ofRun = audit.audit(param("entityType", "execution") + "&" + param("entityId", run));
    assertEquals(List.of("execution.signalled", "execution.resumed", "execution.paused",
        "execution.started"), actions(ofRun));
  }

  @Test
  void theLogFiltersAndPagesNewestFirst() {
    String prefix = unique("paged");
    Map<String, String> requests = new LinkedHashMap<>();
    for (int i = 0; i < 5; i++) {
      String id = prefix + "-" + i;
      String r = requestId("create-" + i);
      audit.send("POST", "/api/v1/workflows", approvalWorkflow(id, "${ 1 }"), r, 201);
      requests.put(id, r);
    }
    String first = prefix + "-0";
    audit.send("PUT", "/api/v1/workflows/" + first, approvalWorkflow(first, "${ 3 }"),
        requestId("update"), 200);

    JsonNode ofFirst = audit.audit(param("entityType", "workflow") + "&"
        + param("entityId", first));
    assertEquals(List.of("workflow.updated", "workflow.created"), actions(ofFirst));
    assertEquals(List.of("/steps/1/expression"), texts(ofFirst.at("/items/0/changes/changed")));

    JsonNode created = audit.audit(param("action", "workflow.created") + "&limit=500");
    assertTrue(actions(created).stream().allMatch("workflow.created"::equals));
    assertTrue(entityIds(created).containsAll(requests.keySet()), created::toString);
    assertEquals(0, audit.audit(param("actor", "nobody")).get("items").size());
    assertEquals(List.of(first), entityIds(audit.audit(
        param("correlationId", requests.get(first)))));

    JsonNode all = audit.audit("limit=500");
    List<Long> allIds = ids(all);
    assertNewestFirst(all.get("items"));
    var paged = new ArrayList<Long>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = audit.audit("limit=2"
          + (cursor == null ? "" : "&" + param("cursor", cursor)));
      assertTrue(page.get("items").size() <= 2);
      paged.addAll(ids(page));
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 100);
    assertEquals(allIds, paged, "pages add up to the whole log, each entry once");
    assertNull(all.get("nextCursor").textValue());

    JsonNode middle = all.get("items").get(allIds.size() / 2);
    Instant at = Instant.parse(middle.get("at").asText());
    JsonNode fromThere = audit.audit(param("from", at.toString()) + "&limit=500");
    JsonNode beforeThere = audit.audit(param("to", at.toString()) + "&limit=500");
    assertTrue(ids(fromThere).contains(middle.get("id").asLong()));
    assertFalse(ids(beforeThere).contains(middle.get("id").asLong()));
    assertEquals(allIds.size(), ids(fromThere).size() + ids(beforeThere).size());
  }

  @Test
  void malformedFiltersAreOneProblemWithEveryPointer() {
    Response r = api.get(
        "/api/v1/audit?limit=0&from=yesterday&cursor=nope&to=2020-01-01T00:00:00Z");
    assertEquals(400, r.status(), r.body());
    assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    Set<String> pointers = new HashSet<>(texts(r.json().get("errors").findValues("pointer")));
    assertEquals(Set.of("/limit", "/from", "/cursor"), pointers, r.body());
  }

  private static void assertNewestFirst(JsonNode items) {
    for (int i = 1; i < items.size(); i++) {
      Instant newer = Instant.parse(items.get(i - 1).get("at").asText());
      Instant older = Instant.parse(items.get(i).get("at").asText());
      assertFalse(older.isAfter(newer), items.get(i - 1) + " before " + items.get(i));
    }
  }

  private static List<String> actions(JsonNode page) {
    return field(page, "action");
  }

  private static List<String> entityIds(JsonNode page) {
    return field(page, "entityId");
  }

  private static List<String> field(JsonNode page, String name) {
    var out = new ArrayList<String>();
    page.get("items").forEach(item -> out.add(item.get(name).asText()));
    return out;
  }

  private static List<Long> ids(JsonNode page) {
    var ids = new ArrayList<Long>();
    page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
    return ids;
  }

  private static List<String> texts(Iterable<JsonNode> nodes) {
    var out = new ArrayList<String>();
    nodes.forEach(n -> out.add(n.asText()));
    return out;
  }
}
