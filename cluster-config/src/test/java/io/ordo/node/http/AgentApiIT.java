package io.ordo.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.testing.ApiClient.Response;
import io.ordo.node.testing.Journal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The agents registry over HTTP: create, read, replace, delete, list, and what it refuses. */
class AgentApiIT extends ApiTestSupport {

  private static String agent(String id, String extra) {
    return """
        {"id": "%s", "baseUrl": "https://agent.example:8443/api/"%s}"""
        .formatted(id, extra.isEmpty() ? "" : ", " + extra);
  }

  private Response create(String body) {
    Response r = api.post("/api/v1/agents", body);
    assertEquals(201, r.status(), r.body());
    return r;
  }

  private long auditRows(String agentId, String action) {
    return Journal.countRows(db, "SELECT count(*) FROM audit_log WHERE entity_type = 'agent'"
        + " AND entity_id = '" + agentId + "' AND action = '" + action + "'");
  }

  @Test
  void createReadReplaceAndDeleteRoundTripWithEveryChangeAudited() {
    String id = uniqueId("crud");
    Response created = create(agent(id, """
        "name": "Stock service", "description": "Answers stock levels",
        "auth": {"type": "BASIC", "username": "ordo", "password": "pw-1"},
        "defaultTimeout": "PT10S",
        "defaultRetry": {"strategy": "EXPONENTIAL", "maxAttempts": 4, "initialDelay": "PT1S"},
        "healthPath": "/status?deep=true", "enabled": false"""));

    assertEquals("/api/v1/agents/" + id, created.header("Location"));
    JsonNode body = created.json();
    assertEquals(Set.of("id", "name", "description", "baseUrl", "auth", "defaultTimeout",
        "defaultRetry", "healthPath", "enabled", "health", "createdAt", "updatedAt"),
        fieldNames(body));
    assertEquals("Stock service", body.get("name").asText());
    assertEquals("https://agent.example:8443/api", body.get("baseUrl").asText(),
        "the trailing slash is dropped");
    assertEquals("BASIC", body.at("/auth/type").asText());
    assertEquals("ordo", body.at("/auth/username").asText());
    assertTrue(body.at("/auth/secretSet").asBoolean());
    assertEquals(Set.of("type", "username", "secretSet"), fieldNames(body.get("auth")));
    assertEquals("PT10S", body.get("defaultTimeout").asText());
    assertEquals(4, body.at("/defaultRetry/maxAttempts").asInt());
    assertEquals("/status?deep=true", body.get("healthPath").asText());
    assertFalse(body.get("enabled").asBoolean());
    assertEquals("UNKNOWN", body.at("/health/status").asText());
    assertTrue(body.at("/health/checkedAt").isNull());
    assertEquals(body, api.get("/api/v1/agents/" + id).json());

    Response replaced = api.put("/api/v1/agents/" + id, """
        {"baseUrl": "http://stock.internal", "name": "Stock v2", "auth": {"type": "NONE"}}""");
    assertEquals(200, replaced.status(), replaced.body());
    JsonNode after = replaced.json();
    assertEquals("Stock v2", after.get("name").asText());
    assertEquals("NONE", after.at("/auth/type").asText());
    assertFalse(after.at("/auth/secretSet").asBoolean());
    assertTrue(after.get("description").isNull(), "a replacement, not a patch");
    assertTrue(after.get("defaultRetry").isNull());
    assertEquals("/health", after.get("healthPath").asText());
    assertTrue(after.get("enabled").asBoolean());
    assertEquals(body.get("createdAt"), after.get("createdAt"));
    assertTrue(Instant.parse(after.get("updatedAt").asText())
        .isAfter(Instant.parse(body.get("updatedAt").asText())));

    Response deleted = api.delete("/api/v1/agents/" + id);
    assertEquals(204, deleted.status(), deleted.body());
    assertEquals("", deleted.body());
    assertProblem(api.get("/api/v1/agents/" + id), 404);
    assertProblem(api.delete("/api/v1/agents/" + id), 404);

    assertEquals(1, auditRows(id, "agent.created"));
    assertEquals(1, auditRows(id, "agent.updated"));
    assertEquals(1, auditRows(id, "agent.deleted"));
    assertEquals(1, Journal.countRows(db, "SELECT count(*) FROM audit_log WHERE entity_id = '"
        + id + "' AND action = 'agent.updated' AND details->'changed' @> "
        + "'[\"/name\", \"/auth/type\", \"/auth/secret\", \"/baseUrl\"]'::jsonb"));
  }

  @Test
  void aReplacementThatChangesNothingLeavesNoTrace() {
    String id = uniqueId("same");
    JsonNode created = create(agent(id, "\"auth\": {\"type\": \"BEARER\", \"token\": \"t\"}"))
        .json();

    Response again = api.put("/api/v1/agents/" + id,
        agent(id, "\"auth\": {\"type\": \"BEARER\"}"));

    assertEquals(200, again.status(), again.body());
    assertEquals(created.get("updatedAt"), again.json().get("updatedAt"));
    assertEquals(0, auditRows(id, "agent.updated"));
  }

  @Test
  void listFiltersBySearchAndEnabledAndPagesInTheRequestedOrder() {
    String prefix = uniqueId("list");
    create(agent(prefix + "-a", "\"name\": \"Zulu\""));
    create(agent(prefix + "-b", "\"name\": \"Alpha\", \"enabled\": false"));
    create(agent(prefix + "-c", "\"name\": \"Mike\""));

    JsonNode all = api.get("/api/v1/agents?search=" + prefix + "&sort=-name").json();
    assertEquals(3, all.get("total").asInt());
    assertEquals(List.of(prefix + "-a", prefix + "-c", prefix + "-b"), ids(all));

    JsonNode disabled = api.get("/api/v1/agents?search=" + prefix + "&enabled=false").json();
    assertEquals(List.of(prefix + "-b"), ids(disabled));
    JsonNode enabled = api.get("/api/v1/agents?search=" + prefix + "&enabled=true").json();
    assertEquals(List.of(prefix + "-a", prefix + "-c"), ids(enabled));

    JsonNode page = api.get("/api/v1/agents?search=" + prefix + "&limit=1&offset=1").json();
    assertEquals(List.of(prefix + "-b"), ids(page));
    assertEquals(3, page.get("total").asInt());
    assertEquals(1, page.get("limit").asInt());
    assertEquals(1, page.get("offset").asInt());
    JsonNode past = api.get("/api/v1/agents?search=" + prefix + "&offset=10").json();
    assertEquals(List.of(), ids(past));
    assertEquals(3, past.get("total").asInt());

    JsonNode problem = assertProblem(
        api.get("/api/v1/agents?sort=colour&enabled=maybe&limit=0&offset=-1"), 400);
    assertEquals(Set.of("/sort", "/enabled", "/limit", "/offset"), Set.copyOf(pointers(problem)));
  }

  private static List<String> ids(JsonNode page) {
    return page.get("items").findValues("id").stream().map(JsonNode::asText).toList();
  }

  @Test
  void reportsEveryViolationAtOnceWithItsPointerAndStoresNothing() {
    JsonNode problem = assertProblem(api.post("/api/v1/agents", """
        {"id": "-bad id", "name": 5, "description": [], "baseUrl": "ftp://files.example",
         "auth": {"type": "BEARER"}, "defaultTimeout": "PT0S",
         "defaultRetry": {"strategy": "SOMETIMES", "maxAttempts": 0},
         "healthPath": "health", "enabled": "yes"}"""), 400);

    assertEquals(List.of("/id", "/name", "/description", "/baseUrl", "/auth/token",
        "/defaultTimeout", "/defaultRetry/strategy", "/defaultRetry/maxAttempts", "/healthPath",
        "/enabled"), pointers(problem));
    assertTrue(messageAt(problem, "/baseUrl").contains("http"), problem.toString());
    assertTrue(messageAt(problem, "/auth/token").contains("token"), problem.toString());
    assertEquals(0, Journal.countRows(db,
        "SELECT count(*) FROM agents WHERE agent_id = '-bad id'"));
  }

  @Test
  void requiresIdAndBaseUrlAndRefusesCredentialsOrAQueryInTheBaseUrl() {
    JsonNode missing = assertProblem(api.post("/api/v1/agents", "{}"), 400);
    assertEquals(List.of("/id", "/baseUrl"), pointers(missing));

    for (String url : List.of("https://user:pw@agent.example", "https://agent.example?x=1",
        "https://agent.example#top", "/relative", "not a url")) {
      JsonNode problem = assertProblem(api.post("/api/v1/agents",
          "{\"id\": \"u\", \"baseUrl\": \"" + url + "\"}"), 400);
      assertEquals(List.of("/baseUrl"), pointers(problem), url);
      assertFalse(problem.toString().contains("pw@"), "the URL is not echoed: " + problem);
    }
  }

  @Test
  void rejectsUnknownFieldsAndAuthFieldsOfAnotherType() {
    JsonNode problem = assertProblem(api.post("/api/v1/agents", agent(uniqueId("unknown"), """
        "colour": "blue", "auth": {"type": "BEARER", "token": "t", "tokn": "x",
         "password": "p"}""")), 400);

    assertEquals(Set.of("/colour", "/auth/tokn", "/auth/password"),
        Set.copyOf(pointers(problem)));
    assertTrue(messageAt(problem, "/auth/password").contains("BEARER"), problem.toString());
    JsonNode badType = assertProblem(api.post("/api/v1/agents",
        agent(uniqueId("type"), "\"auth\": {\"type\": \"OAUTH\"}")), 400);
    assertEquals(List.of("/auth/type"), pointers(badType));
  }

  @Test
  void unknownAgentIs404AndADuplicateCreateIs409() {
    String id = uniqueId("dup");
    create(agent(id, ""));

    JsonNode conflict = assertProblem(api.post("/api/v1/agents", agent(id, "")), 409);
    assertTrue(conflict.get("detail").asText().contains(id), conflict.toString());
    assertProblem(api.get("/api/v1/agents/nobody"), 404);
    assertProblem(api.put("/api/v1/agents/nobody", agent("nobody", "")), 404);
    assertProblem(api.delete("/api/v1/agents/nobody"), 404);
    assertProblem(api.get("/api/v1/agents/nobody/health"), 404);
    assertEquals(1, auditRows(id, "agent.created"));
  }

  @Test
  void putTakesTheIdFromThePathAndRefusesAnotherIdInTheBody() {
    String id = uniqueId("path-id");
    create(agent(id, ""));

    Response withoutId = api.put("/api/v1/agents/" + id,
        "{\"baseUrl\": \"https://other.example\"}");
    assertEquals(200, withoutId.status(), withoutId.body());
    assertEquals(id, withoutId.json().get("id").asText());

    JsonNode problem = assertProblem(api.put("/api/v1/agents/" + id,
        agent("someone-else", "\"enabled\": 1")), 400);
    assertEquals(List.of("/id", "/enabled"), pointers(problem));
    assertEquals("https://other.example",
        api.get("/api/v1/agents/" + id).json().get("baseUrl").asText());
  }
}
