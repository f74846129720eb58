package io.ordo.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ordo.engine.model.Goal;
import io.ordo.engine.model.JsonPointers;
import io.ordo.engine.model.StepDefaults;
import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.WorkflowDefinition;
import io.ordo.engine.model.expr.ValueTemplate;
import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.model.schema.CompiledSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads the workflow object: its own fields, the defaults, the goals, and each step. */
final class WorkflowParser {

  private final Violations violations;
  private final StepParser steps;

  WorkflowParser(Violations violations) {
    this.violations = violations;
    this.steps = new StepParser(violations);
  }

  /** The definition, or null when anything in it is invalid (graph rules are not checked here). */
  WorkflowDefinition parse(JsonNode document) {
    FieldReader fields = FieldReader.of(document, "", violations);
    if (fields == null) {
      return null;
    }
    int mark = violations.mark();
    String id = fields.identifier("id", true);
    String name = fields.text("name");
    String description = fields.text("description");
    JsonNode metadata = fields.get("metadata");
    if (metadata != null && !metadata.isObject()) {
      fields.report("metadata", "must be an object");
    }
    CompiledSchema inputSchema = Schemas.schema(fields, "inputSchema", false);
    Duration timeout = fields.duration("timeout", false);
    StepDefaults defaults = defaults(fields);
    List<StepDefinition> stepList = steps(fields);
    ValueTemplate output = Templates.optional(fields, "output", Expect.ANY);
    List<Goal> goals = goals(fields);
    fields.rejectUnknownFields();
    if (!violations.noneSince(mark)) {
      return null;
    }
    return new WorkflowDefinition(id, name != null ? name : id, description,
        metadata != null ? metadata.deepCopy() : JsonNodeFactory.instance.objectNode(),
        inputSchema, timeout, defaults, stepList, output, goals, document.deepCopy());
  }

  private StepDefaults defaults(FieldReader workflow) {
    JsonNode node = workflow.get("defaults");
    if (node == null) {
      return StepDefaults.NONE;
    }
    FieldReader fields = FieldReader.of(node, workflow.pointer("defaults"), violations);
    if (fields == null) {
      return null;
    }
    Duration timeout = fields.duration("timeout", false);
    RetryPolicy retry = fields.has("retry")
        ? RetryPolicyParser.parse(fields.get("retry"), fields.pointer("retry"), violations) : null;
    fields.rejectUnknownFields();
    return new StepDefaults(timeout, retry);
  }

  private List<StepDefinition> steps(FieldReader workflow) {
    JsonNode node = workflow.required("steps");
    if (node == null) {
      return null;
    }
    if (!node.isArray() || node.isEmpty()) {
      workflow.report("steps", "must be a non-empty array of steps");
      return null;
    }
    List<StepDefinition> result = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String pointer = JsonPointers.child(workflow.pointer("steps"), i);
      result.add(steps.parse(node.get(i), pointer, Placement.TOP_LEVEL, null));
    }
    return result;
  }

  private List<Goal> goals(FieldReader workflow) {
    JsonNode node = workflow.get("goals");
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      workflow.report("goals", "must be an array of { \"name\", \"when\" }");
      return null;
    }
    List<Goal> goals = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String pointer = JsonPointers.child(workflow.pointer("goals"), i);
      FieldReader fields = FieldReader.of(node.get(i), pointer, violations);
      if (fields == null) {
        continue;
      }
      String name = fields.requiredString("name");
      ValueTemplate when = Templates.required(fields, "when", Expect.BOOLEAN);
      fields.rejectUnknownFields();
      if (name != null && when != null) {
        goals.add(new Goal(name, when));
      }
    }
    return goals;
  }
}
