package io.ordo.engine.model.validation;

import io.ordo.engine.model.StepType;
import java.util.EnumMap;
import java.util.Map;

/** The spec parser of each step type; adding a type means one parser and one line here. */
final class StepSpecParsers {

  private static final Map<StepType, StepSpecParser> PARSERS = new EnumMap<>(StepType.class);

  static {
    PARSERS.put(StepType.HTTP_REQUEST, new HttpRequestSpecParser());
    PARSERS.put(StepType.WEBHOOK_CALL, new WebhookCallSpecParser());
    PARSERS.put(StepType.DATA_TRANSFORM, new DataTransformSpecParser());
    PARSERS.put(StepType.CONDITIONAL, new ConditionalSpecParser());
    PARSERS.put(StepType.PARALLEL, new ParallelSpecParser());
    PARSERS.put(StepType.FOR_EACH, new ForEachSpecParser());
    PARSERS.put(StepType.WAIT, new WaitSpecParser());
    PARSERS.put(StepType.VALIDATION, new ValidationSpecParser());
    PARSERS.put(StepType.SUB_WORKFLOW, new SubWorkflowSpecParser());
  }

  private StepSpecParsers() {
  }

  static StepSpecParser forType(StepType type) {
    return PARSERS.get(type);
  }
}
