package io.ordo.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.ArtifactSpec;
import io.ordo.engine.model.OnError;
import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.StepType;
import io.ordo.engine.model.expr.ValueTemplate;
import io.ordo.engine.model.retry.RetryPolicy;
import io.ordo.engine.model.steps.StepSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Reads one step object: the common fields here, the type-specific ones by its spec parser. */
final class StepParser {

  private final Violations violations;

  StepParser(Violations violations) {
    this.violations = violations;
  }

  /**
   * The step at {@code pointer}, or null when anything in it is invalid.
   *
   * @param templateOf for a FOR_EACH template, the FOR_EACH step's id (the template's id)
   */
  StepDefinition parse(JsonNode node, String pointer, Placement placement, String templateOf) {
    FieldReader fields = FieldReader.of(node, pointer, violations);
    if (fields == null) {
      return null;
    }
    int mark = violations.mark();
    String id = templateOf;
    if (placement == Placement.FOR_EACH_TEMPLATE) {
      fields.forbid("id", "not allowed in a FOR_EACH step template: it takes the FOR_EACH's id");
    } else {
      id = fields.identifier("id", true);
    }
    StepType type = type(fields, placement);
    List<String> dependsOn = dependsOn(fields, placement);
    String name = fields.text("name");
    String description = fields.text("description");
    ValueTemplate when = Templates.optional(fields, "when", Expect.BOOLEAN);
    RetryPolicy retry = fields.has("retry")
        ? RetryPolicyParser.parse(fields.get("retry"), fields.pointer("retry"), violations) : null;
    Duration timeout = fields.duration("timeout", false);
    OnError onError = fields.enumValue("onError", OnError.class, OnError.FAIL);
    List<ArtifactSpec> artifacts = ArtifactsParser.parse(fields);
    StepSpec spec = type == null ? null : StepSpecParsers.forType(type).parse(fields, id, this);
    // With an unknown type the type-specific fields cannot be told apart from typos.
    if (type != null) {
      fields.rejectUnknownFields();
    }
    if (!violations.noneSince(mark) || id == null) {
      return null;
    }
    return new StepDefinition(id, type, name, description, dependsOn, when, retry, timeout,
        onError, artifacts, spec);
  }

  private static StepType type(FieldReader fields, Placement placement) {
    String name = fields.requiredString("type");
    if (name == null) {
      return null;
    }
    StepType type;
    try {
      type = StepType.valueOf(name);
    } catch (IllegalArgumentException e) {
      fields.report("type", "unknown step type '" + name + "' (expected one of "
          + Arrays.stream(StepType.values()).map(Enum::name).collect(Collectors.joining(", "))
          + ")");
      return null;
    }
    if (placement == Placement.PARALLEL_BRANCH && type == StepType.CONDITIONAL) {
      fields.report("type", "CONDITIONAL is not allowed inside a PARALLEL branch");
    }
    if (placement == Placement.FOR_EACH_TEMPLATE && type.isControl()) {
      fields.report("type", "a FOR_EACH step template cannot be " + type
          + " (use a SUB_WORKFLOW template for per-item logic that needs several steps)");
    }
    return type;
  }

  private static List<String> dependsOn(FieldReader fields, Placement placement) {
    if (placement == Placement.PARALLEL_BRANCH) {
      fields.forbid("dependsOn", "not allowed inside a PARALLEL branch: its steps run in sequence"
          + " (nest a PARALLEL for parallelism inside a branch)");
      return List.of();
    }
    if (placement == Placement.FOR_EACH_TEMPLATE) {
      fields.forbid("dependsOn", "not allowed in a FOR_EACH step template");
      return List.of();
    }
    return fields.strings("dependsOn");
  }
}
