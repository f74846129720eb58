package io.ordo.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import io.ordo.node.testing.ApiClient.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Workflow definitions over HTTP: create, read, version, archive, list. */
class WorkflowApiIT extends ApiTestSupport {

  private static final String STEPS_V2 = """
      "steps": [{"id": "only", "type": "DATA_TRANSFORM", "expression": {"tag": "v2"}}]""";

  @Test
  void createAnswers201WithLocationAndTheDefinitionAsSubmittedKeyOrderIncluded() throws Exception {
    String id = uniqueId("create");
    // Keys deliberately out of any canonical order: the stored document must keep them as sent.
    String body = """
        {"steps": [{"type": "DATA_TRANSFORM", "id": "z", "expression": {"b": 1, "a": 2}}],
         "name": "Create me", "id": "%s", "metadata": {"zeta": true, "alpha": [3, 1, 2]}}"""
        .formatted(id);

    Response r = api.post("/api/v1/workflows", body);

    assertEquals(201, r.status(), r.body());
    assertEquals("/api/v1/workflows/" + id, r.header("Location"));
    assertTrue(r.contentType().startsWith("application/json"), r.contentType());
    JsonNode created = r.json();
    assertEquals(id, created.get("id").asText());
    assertEquals("Create me", created.get("name").asText());
    assertEquals(1, created.get("version").asInt());
    assertEquals(1, created.get("latestVersion").asInt());
    assertFalse(created.get("archived").asBoolean());
    assertTrue(created.hasNonNull("createdAt") && created.hasNonNull("versionCreatedAt"));
    // Same text as submitted once whitespace is dropped: values and key order both survive.
    assertEquals(Json.mapper().readTree(body).toString(), created.get("definition").toString());
    assertEquals(created.get("definition").toString(),
        api.get("/api/v1/workflows/" + id).json().get("definition").toString());
  }

  @Test
  void getAnswersTheLatestVersionAndVersionParameterAnOlderOne() {
    String id = uniqueId("versions");
    api.createWorkflow(transformWorkflow(id));

    Response put = api.put("/api/v1/workflows/" + id, "{\"id\": \"" + id + "\", " + STEPS_V2 + "}");
    assertEquals(200, put.status(), put.body());
    assertEquals(2, put.json().get("version").asInt());
    assertEquals(2, put.json().get("latestVersion").asInt());

    JsonNode latest = api.get("/api/v1/workflows/" + id).json();
    assertEquals(2, latest.get("version").asInt());
    assertEquals("only", latest.at("/definition/steps/0/id").asText());

    Response v1 = api.get("/api/v1/workflows/" + id + "?version=1");
    assertEquals(200, v1.status(), v1.body());
    assertEquals(1, v1.json().get("version").asInt());
    assertEquals(2, v1.json().get("latestVersion").asInt());
    assertEquals("double", v1.json().at("/definition/steps/0/id").asText());

    JsonNode versions = api.get("/api/v1/workflows/" + id + "/versions").json();
    assertEquals(id, versions.get("workflowId").asText());
    assertEquals(List.of(1, 2), versions.get("versions").findValues("version").stream()
        .map(JsonNode::asInt).toList());
    assertEquals("anonymous", versions.at("/versions/0/createdBy").asText());

    assertProblem(api.get("/api/v1/workflows/" + id + "?version=3"), 404);
    assertEquals(List.of("/version"),
        pointers(assertProblem(api.get("/api/v1/workflows/" + id + "?version=abc"), 400)));
    assertEquals(List.of("/version"),
        pointers(assertProblem(api.get("/api/v1/workflows/" + id + "?version=0"), 400)));
  }

  @Test
  void putWithoutAnIdTakesTheIdFromThePath() {
    String id = uniqueId("noid");
    api.createWorkflow(transformWorkflow(id));

    Response r = api.put("/api/v1/workflows/" + id, "{" + STEPS_V2 + "}");

    assertEquals(200, r.status(), r.body());
    assertEquals(2, r.json().get("version").asInt());
    assertEquals(id, r.json().at("/definition/id").asText());
  }

  @Test
  void putWithABodyIdOtherThanThePathIs400AtSlashIdAndAddsNoVersion() {
    String id = uniqueId("mismatch");
    api.createWorkflow(transformWorkflow(id));

    JsonNode problem = assertProblem(api.put("/api/v1/workflows/" + id,
        "{\"id\": \"someone-else\", " + STEPS_V2 + "}"), 400);

    assertEquals(List.of("/id"), pointers(problem));
    assertTrue(messageAt(problem, "/id").contains(id), problem.toString());
    assertEquals(1, versionRows(id));
    assertEquals(1, api.get("/api/v1/workflows/" + id).json().get("latestVersion").asInt());
  }

  @Test
  void putWithAWrongIdStillReportsEveryOtherViolation() {
    String id = uniqueId("mismatch-all");
    api.createWorkflow(transformWorkflow(id));

    JsonNode problem = assertProblem(api.put("/api/v1/workflows/" + id,
        "{\"id\": \"other\", \"steps\": [], \"timeout\": \"soon\"}"), 400);

    assertTrue(pointers(problem).containsAll(List.of("/id", "/steps", "/timeout")),
        problem.toString());
  }

  @Test
  void putOfAnInvalidDefinitionIs400AndAddsNoVersion() {
    String id = uniqueId("badput");
    api.createWorkflow(transformWorkflow(id));

    JsonNode problem = assertProblem(api.put("/api/v1/workflows/" + id,
        "{\"steps\": [{\"id\": \"a\", \"type\": \"WAIT\", \"duration\": \"soon\"}]}"), 400);

    assertEquals(List.of("/steps/0/duration"), pointers(problem));
    assertEquals(1, versionRows(id));
  }

  @Test
  void putToAnUnknownWorkflowIs404AndCreatesNothing() {
    String id = uniqueId("ghost");

    assertProblem(api.put("/api/v1/workflows/" + id, transformWorkflow(id)), 404);

    assertEquals(0, workflowRows(id));
    assertEquals(0, versionRows(id));
    assertProblem(api.get("/api/v1/workflows/" + id), 404);
  }

  @Test
  void deleteArchivesHidesFromTheListRefusesStartsAndPutBringsItBack() {
    String id = uniqueId("archive");
    api.createWorkflow(transformWorkflow(id));

    Response deleted = api.delete("/api/v1/workflows/" + id);
    assertEquals(200, deleted.status(), deleted.body());
    assertTrue(deleted.json().get("archived").asBoolean());
    assertEquals(1, deleted.json().get("version").asInt());

    // Still readable, by id and by version, but hidden from the default list.
    assertTrue(api.get("/api/v1/workflows/" + id).json().get("archived").asBoolean());
    assertEquals(200, api.get("/api/v1/workflows/" + id + "?version=1").status());
    assertEquals(0, api.get("/api/v1/workflows?search=" + id).json().get("total").asInt());
    JsonNode withArchived = api.get("/api/v1/workflows?includeArchived=true&search=" + id).json();
    assertEquals(1, withArchived.get("total").asInt());
    assertTrue(withArchived.at("/items/0/archived").asBoolean());

    JsonNode refused = assertProblem(
        api.post("/api/v1/workflows/" + id + "/execute", "{\"input\": {\"n\": 1}}"), 409);
    assertTrue(refused.get("detail").asText().contains("archived"), refused.toString());

    // Archiving again is harmless.
    assertEquals(200, api.delete("/api/v1/workflows/" + id).status());

    Response revived = api.put("/api/v1/workflows/" + id, transformWorkflow(id));
    assertEquals(200, revived.status(), revived.body());
    assertFalse(revived.json().get("archived").asBoolean());
    assertEquals(2, revived.json().get("version").asInt());
    assertEquals(1, api.get("/api/v1/workflows?search=" + id).json().get("total").asInt());
    assertEquals(202, api.post("/api/v1/workflows/" + id + "/execute", "{\"input\": {\"n\": 1}}")
        .status());
  }

  @Test
  void deleteOfAnUnknownWorkflowIs404() {
    assertProblem(api.delete("/api/v1/workflows/" + uniqueId("ghost")), 404);
  }

  @Test
  void postOfAnExistingIdIs409AndKeepsTheFirstDefinition() {
    String id = uniqueId("dup");
    api.createWorkflow(transformWorkflow(id));

    JsonNode problem = assertProblem(
        api.post("/api/v1/workflows", "{\"id\": \"" + id + "\", " + STEPS_V2 + "}"), 409);

    assertTrue(problem.get("detail").asText().contains(id), problem.toString());
    assertEquals(1, versionRows(id));
    assertEquals("double",
        api.get("/api/v1/workflows/" + id).json().at("/definition/steps/0/id").asText());
  }

  @Test
  void concurrentCreatesOfOneIdCreateItExactlyOnce() {
    String id = uniqueId("race");
    List<Response> responses = concurrently(8, () -> api.post("/api/v1/workflows",
        transformWorkflow(id)));

    assertEquals(1, responses.stream().filter(r -> r.status() == 201).count());
    assertEquals(7, responses.stream().filter(r -> r.status() == 409).count());
    assertEquals(1, workflowRows(id));
    assertEquals(1, versionRows(id));
  }

  @Test
  void concurrentPutsEachGetTheirOwnVersion() {
    String id = uniqueId("putrace");
    api.createWorkflow(transformWorkflow(id));

    List<Response> responses = concurrently(8, () -> api.put("/api/v1/workflows/" + id,
        transformWorkflow(id)));

    Set<Integer> versions = new HashSet<>();
    responses.forEach(r -> {
      assertEquals(200, r.status(), r.body());
      versions.add(r.json().get("version").asInt());
    });
    assertEquals(Set.of(2, 3, 4, 5, 6, 7, 8, 9), versions);
    assertEquals(9, api.get("/api/v1/workflows/" + id).json().get("latestVersion").asInt());
  }

  @Test
  void listSearchesIdsAndNamesCaseInsensitivelySortsAndPages() {
    String prefix = uniqueId("lst");
    List<String> ids = new ArrayList<>();
    for (String suffix : List.of("c", "a", "e", "b", "d")) {
      ids.add(prefix + "-" + suffix);
      api.createWorkflow(transformWorkflow(prefix + "-" + suffix));
    }
    String named = uniqueId("other");
    api.createWorkflow("{\"id\": \"" + named + "\", \"name\": \"Quarterly " + prefix.toUpperCase()
        + " report\", " + STEPS_V2 + "}");
    Collections.sort(ids);

    JsonNode all = api.get("/api/v1/workflows?search=" + prefix + "-").json();
    assertEquals(5, all.get("total").asInt());
    assertEquals(ids, idsOf(all));
    assertEquals(50, all.get("limit").asInt());
    assertEquals(0, all.get("offset").asInt());

    // The name matches case-insensitively too.
    JsonNode byName = api.get("/api/v1/workflows?search=" + prefix.toUpperCase()).json();
    assertEquals(6, byName.get("total").asInt());
    assertTrue(idsOf(byName).contains(named));

    JsonNode descending = api.get("/api/v1/workflows?sort=-id&search=" + prefix + "-").json();
    List<String> reversed = new ArrayList<>(ids);
    Collections.reverse(reversed);
    assertEquals(reversed, idsOf(descending));

    JsonNode page = api.get("/api/v1/workflows?limit=2&offset=1&search=" + prefix + "-").json();
    assertEquals(ids.subList(1, 3), idsOf(page));
    assertEquals(5, page.get("total").asInt());
    assertEquals(2, page.get("limit").asInt());
    assertEquals(1, page.get("offset").asInt());

    JsonNode beyond = api.get("/api/v1/workflows?offset=100&search=" + prefix + "-").json();
    assertEquals(List.of(), idsOf(beyond));
    assertEquals(5, beyond.get("total").asInt(), "total counts matches even past the end");

    JsonNode summary = all.get("items").get(0);
    assertEquals(Set.of("id", "name", "description", "latestVersion", "archived", "createdAt",
        "updatedAt"), fieldNames(summary));
  }

  @Test
  void listSortsByNameAndByCreationTime() {
    String prefix = uniqueId("srt");
    // Created in this order; names sort the other way round from ids.
    List<String> created = List.of(prefix + "-b", prefix + "-c", prefix + "-a");
    for (String id : created) {
      String name = "name-" + (char) ('z' - id.charAt(id.length() - 1) + 'a');
      api.createWorkflow("{\"id\": \"" + id + "\", \"name\": \"" + name + "\", " + STEPS_V2
          + "}");
    }

    assertEquals(List.of(prefix + "-c", prefix + "-b", prefix + "-a"),
        idsOf(api.get("/api/v1/workflows?sort=name&search=" + prefix).json()));
    assertEquals(created,
        idsOf(api.get("/api/v1/workflows?sort=createdAt&search=" + prefix).json()));
    assertEquals(List.of(prefix + "-a", prefix + "-c", prefix + "-b"),
        idsOf(api.get("/api/v1/workflows?sort=-createdAt&search=" + prefix).json()));
  }

  @Test
  void listSearchTreatsLikeWildcardsLiterally() {
    String base = uniqueId("wild");
    api.createWorkflow(transformWorkflow(base + "-a_b"));
    api.createWorkflow(transformWorkflow(base + "-axb"));

    assertEquals(List.of(base + "-a_b"), idsOf(api.get("/api/v1/workflows?search=" + base
        + "-a_b").json()));
    assertEquals(0, api.get("/api/v1/workflows?search=" + base + "%25").json().get("total")
        .asInt());
  }

  @Test
  void badListParametersAreReportedAllAtOnce() {
    JsonNode problem = assertProblem(api.get("/api/v1/workflows?limit=abc&sort=bogus"), 400);
    assertEquals(Set.of("/limit", "/sort"), new HashSet<>(pointers(problem)));
    assertTrue(messageAt(problem, "/limit").contains("abc"), problem.toString());

    assertEquals(List.of("/limit"), pointers(assertProblem(api.get("/api/v1/workflows?limit=0"),
        400)));
    assertEquals(List.of("/limit"),
        pointers(assertProblem(api.get("/api/v1/workflows?limit=501"), 400)));
    assertEquals(Set.of("/offset", "/includeArchived"), new HashSet<>(pointers(assertProblem(
        api.get("/api/v1/workflows?offset=-1&includeArchived=yes"), 400))));
    assertEquals(200, api.get("/api/v1/workflows?limit=500&sort=-updatedAt").status());
  }

  @Test
  void versionsOfAnUnknownWorkflowIs404() {
    assertProblem(api.get("/api/v1/workflows/" + uniqueId("ghost") + "/versions"), 404);
  }

  private static List<String> idsOf(JsonNode page) {
    var ids = new ArrayList<String>();
    page.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }
}
