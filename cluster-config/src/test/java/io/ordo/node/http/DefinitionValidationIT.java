package io.ordo.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.node.testing.ApiClient.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Definitions are validated as a whole, every violation reported, and nothing invalid kept. */
class DefinitionValidationIT extends ApiTestSupport {

  private static final String INVALID_DEFINITION = "https://ordo.dev/problems/invalid-definition";

  /** One problem of each kind; the pointers each one must be reported at. */
  private static String manyProblems(String id) {
    return """
        {"id": "%s", "inputSchema": {"type": "nonsense"}, "timeout": "10 minutes", "steps": [
          {"id": "a", "type": "DATA_TRANSFORM", "expression": "${ .input | }"},
          {"id": "a", "type": "DATA_TRANSFORM", "expression": "x"},
          {"id": "b", "type": "DATA_TRANSFORM", "dependsOn": ["ghost", "c"], "expression": 1},
          {"id": "c", "type": "DATA_TRANSFORM", "dependsOn": ["b"], "expression": 1},
          {"id": "d", "type": "TELEPORT"},
          {"id": "e", "type": "WAIT", "duration": "soon"}]}""".formatted(id);
  }

  private static final Set<String> MANY_PROBLEMS_POINTERS = Set.of(
      "/inputSchema/type",     // invalid JSON Schema
      "/timeout",              // invalid duration (workflow)
      "/steps/0/expression",   // invalid jq
      "/steps/1/id",           // duplicate id
      "/steps/2/dependsOn/0",  // unknown dependsOn
      "/steps/2/dependsOn",    // cycle b → c → b
      "/steps/4/type",         // unknown step type
      "/steps/5/duration");    // invalid duration (WAIT)

  @Test
  void validateOfAValidDefinitionAnswersValidWithItsIdAndStepCountAndStoresNothing() {
    String id = uniqueId("dry");
    String parallel = """
        {"id": "%s", "steps": [
          {"id": "after", "type": "DATA_TRANSFORM", "dependsOn": ["fan"], "expression": 1},
          {"id": "fan", "type": "PARALLEL", "branches": {
            "left": [{"id": "l", "type": "DATA_TRANSFORM", "expression": 1}],
            "right": [{"id": "r", "type": "WAIT", "duration": "PT1S"}]}}]}""".formatted(id);

    Response r = api.post("/api/v1/workflows/validate", parallel);

    assertEquals(200, r.status(), r.body());
    JsonNode body = r.json();
    assertTrue(body.get("valid").asBoolean());
    assertEquals(id, body.get("workflowId").asText());
    assertEquals(4, body.get("steps").asInt(), "nested steps are counted");
    assertEquals(0, workflowRows(id));
    assertProblem(api.get("/api/v1/workflows/" + id), 404);
  }

  @Test
  void validateOfAnInvalidDefinitionListsEveryViolationWithItsPointer() {
    String id = uniqueId("invalid");

    JsonNode problem = assertProblem(api.post("/api/v1/workflows/validate", manyProblems(id)),
        400);

    assertEquals(INVALID_DEFINITION, problem.get("type").asText());
    assertEquals(MANY_PROBLEMS_POINTERS, new HashSet<>(pointers(problem)));
    assertEquals(MANY_PROBLEMS_POINTERS.size(), problem.get("errors").size(),
        "one violation per problem: " + problem);
    assertTrue(messageAt(problem, "/steps/1/id").contains("duplicate"), problem.toString());
    assertTrue(messageAt(problem, "/steps/2/dependsOn/0").contains("ghost"), problem.toString());
    assertTrue(messageAt(problem, "/steps/2/dependsOn").contains("b → c → b"),
        problem.toString());
    assertTrue(messageAt(problem, "/steps/4/type").contains("TELEPORT"), problem.toString());
    assertTrue(messageAt(problem, "/inputSchema/type").contains("JSON Schema"),
        problem.toString());
    assertTrue(messageAt(problem, "/steps/0/expression").contains("invalid expression"),
        problem.toString());
    assertTrue(messageAt(problem, "/steps/5/duration").contains("ISO-8601"), problem.toString());
  }

  @Test
  void createOfAnInvalidDefinitionIs400WithTheSameViolationsAndStoresNothing() {
    String id = uniqueId("invalid-create");

    JsonNode problem = assertProblem(api.post("/api/v1/workflows", manyProblems(id)), 400);

    assertEquals(INVALID_DEFINITION, problem.get("type").asText());
    assertEquals(MANY_PROBLEMS_POINTERS, new HashSet<>(pointers(problem)));
    assertEquals(0, workflowRows(id));
    assertEquals(0, versionRows(id));
    assertProblem(api.get("/api/v1/workflows/" + id), 404);
    assertProblem(api.get("/api/v1/workflows/" + id + "/versions"), 404);
    assertEquals(0, api.get("/api/v1/workflows?includeArchived=true&search=" + id).json()
        .get("total").asInt());
  }

  @Test
  void unknownFieldsAreRejectedWithADidYouMeanForAWrongCase() {
    JsonNode problem = assertProblem(api.post("/api/v1/workflows/validate", """
        {"id": "typo", "Steps": [], "steps": [
          {"id": "a", "type": "DATA_TRANSFORM", "expression": 1, "dependson": []}]}"""), 400);

    assertEquals(Set.of("/Steps", "/steps/0/dependson"), new HashSet<>(pointers(problem)));
    assertTrue(messageAt(problem, "/steps/0/dependson").contains("dependsOn"),
        problem.toString());
  }

  @Test
  void duplicateKeysAndTrailingContentAreMalformedJson() {
    String step = "\"steps\": [{\"id\": \"a\", \"type\": \"DATA_TRANSFORM\", \"expression\": 1}]";
    for (String body : List.of("{\"id\": \"x\", \"id\": \"y\", " + step + "}",
        "{\"id\": \"x\", " + step + "} {}")) {
      JsonNode problem = assertProblem(api.post("/api/v1/workflows/validate", body), 400);
      assertEquals(List.of(""), pointers(problem), body);
      assertTrue(messageAt(problem, "").contains("malformed JSON"), problem.toString());
    }
  }

  @Test
  void requiredFieldsAndBadIdsAreReportedTogether() {
    String id = "-bad id-";
    JsonNode problem = assertProblem(api.post("/api/v1/workflows",
        "{\"id\": \"" + id + "\", \"steps\": [{\"type\": \"DATA_TRANSFORM\"}]}"), 400);

    List<String> pointers = pointers(problem);
    assertTrue(pointers.containsAll(List.of("/id", "/steps/0/id", "/steps/0/expression")),
        problem.toString());
    assertEquals(0, workflowRows(id));
  }

  @Test
  void anEmptyStepListIsInvalid() {
    JsonNode problem = assertProblem(api.post("/api/v1/workflows/validate",
        "{\"id\": \"empty\", \"steps\": []}"), 400);

    assertEquals(List.of("/steps"), pointers(problem));
    assertFalse(problem.has("valid"));
  }
}
