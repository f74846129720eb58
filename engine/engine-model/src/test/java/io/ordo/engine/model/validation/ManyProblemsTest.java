package io.ordo.engine.model.validation;

import static io.ordo.engine.model.validation.Definitions.assertViolation;
import static io.ordo.engine.model.validation.Definitions.violations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A definition is never rejected one problem at a time. */
class ManyProblemsTest {

  @Test
  void reportsEveryProblemAtOnce() {
    String json = """
        {
          "id": "bad id",
          "timeout": "ten minutes",
          "inputSchema": { "type": "strnig" },
          "steps": [
            { "id": "stock", "type": "HTTP_REQUEST", "request": { "method": "FETCH", "url": "https://x.example" } },
            { "id": "charge", "type": "DATA_TRANSFORM", "dependsOn": ["stok"], "expression": "${ .a | }" },
            { "id": "stock", "type": "WAIT" },
            { "id": "loop-a", "type": "DATA_TRANSFORM", "dependsOn": ["loop-b"], "expression": 1 },
            { "id": "loop-b", "type": "DATA_TRANSFORM", "dependsOn": ["loop-a"], "expression": 1,
              "retry": { "strategy": "EXPONENTIAL", "jitter": 2 } },
            { "id": "each", "type": "FOR_EACH", "items": [], "concurrency": 0,
              "step": { "type": "DATA_TRANSFORM", "expression": 1 } },
            { "id": "x", "type": "TELEPORT" }
          ],
          "goals": [ { "name": "g", "when": true }, { "name": "g", "when": true } ],
          "colour": "blue"
        }
        """;
    List<Violation> violations = violations(json);
    assertViolation(violations, "/id", "must match");
    assertViolation(violations, "/timeout", "ISO-8601 duration");
    assertViolation(violations, "/inputSchema/type", "invalid JSON Schema");
    assertViolation(violations, "/steps/0/request/method", "unsupported method 'FETCH'");
    assertViolation(violations, "/steps/1/dependsOn/0", "unknown step 'stok'");
    assertViolation(violations, "/steps/1/expression", "invalid expression");
    assertViolation(violations, "/steps/2", "a WAIT step needs one of");
    assertViolation(violations, "/steps/2/id", "duplicate step id 'stock'");
    assertViolation(violations, "/steps/3/dependsOn", "dependency cycle: loop-a → loop-b → loop-a");
    assertViolation(violations, "/steps/4/retry/jitter", "between 0.0 and 1.0");
    assertViolation(violations, "/steps/5/concurrency", "at least 1");
    assertViolation(violations, "/steps/6/type", "unknown step type 'TELEPORT'");
    assertViolation(violations, "/goals/1/name", "duplicate goal name 'g'");
    assertViolation(violations, "/colour", "unknown field 'colour'");
    assertEquals(14, violations.size(), Definitions.describe(violations));
  }
}
