package io.ordo.engine.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ordo.engine.model.WorkflowDefinition;
import io.ordo.engine.model.validation.DefinitionParser;
import io.ordo.engine.model.validation.ParseResult;
import io.ordo.engine.runtime.steps.StepHandlers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A node refuses up front to start what it has no handler for, naming every such step. */
class StepSupportTest {

  private static WorkflowDefinition parse(String json) {
    return ((ParseResult.Valid) new DefinitionParser().parse(json)).definition();
  }

  @Test
  void namesEveryStepWithoutAHandlerIncludingForEachTemplates() {
    var definition = parse("""
        {"id": "wf", "steps": [
          {"id": "ok", "type": "DATA_TRANSFORM", "expression": 1},
          {"id": "call", "type": "HTTP_REQUEST", "request": {"url": "http://127.0.0.1:1/x"}},
          {"id": "each", "type": "FOR_EACH", "items": [1, 2],
           "step": {"type": "WEBHOOK_CALL", "url": "http://127.0.0.1:1/hook"}},
          {"id": "hold", "type": "WAIT", "signal": "go"}]}""");

    assertEquals(List.of("step 'call': HTTP_REQUEST steps are not yet supported",
            "step 'each (item step)': WEBHOOK_CALL steps are not yet supported"),
        StepSupport.unsupported(definition, StepHandlers.standard()));
  }
}
