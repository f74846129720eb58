package io.ordo.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.validation.DefinitionParser;
import io.ordo.engine.model.validation.ParseResult;
import io.ordo.engine.runtime.definitions.CompiledWorkflow;
import io.ordo.engine.runtime.definitions.WorkflowKey;

/** Definitions the microbenchmarks (and the load runs) use, built in code. */
public final class Workflows {

  private Workflows() {}

  /** {@code n} DATA_TRANSFORM steps returning a constant, each depending on the one before. */
  public static ObjectNode sequence(String id, int n) {
    ObjectNode def = Json.mapper().createObjectNode().put("id", id);
    ArrayNode steps = def.putArray("steps");
    for (int i = 0; i < n; i++) {
      ObjectNode step = steps.addObject().put("id", "s" + i).put("type", "DATA_TRANSFORM");
      step.putObject("expression").put("ok", true);
      if (i > 0) {
        step.putArray("dependsOn").add("s" + (i - 1));
      }
    }
    return def;
  }

  /**
   * One root, {@code n - 2} steps that depend on it, and a join that depends on all of those: the
   * widest readiness check a DAG of {@code n} steps asks for.
   */
  public static ObjectNode fanOutIn(String id, int n) {
    ObjectNode def = Json.mapper().createObjectNode().put("id", id);
    ArrayNode steps = def.putArray("steps");
    steps.addObject().put("id", "root").put("type", "DATA_TRANSFORM").putObject("expression")
        .put("ok", true);
    ObjectNode join = Json.mapper().createObjectNode().put("id", "join")
        .put("type", "DATA_TRANSFORM");
    join.putObject("expression").put("ok", true);
    ArrayNode joinDeps = join.putArray("dependsOn");
    for (int i = 0; i < n - 2; i++) {
      ObjectNode step = steps.addObject().put("id", "w" + i).put("type", "DATA_TRANSFORM");
      step.putObject("expression").put("ok", true);
      step.putArray("dependsOn").add("root");
      joinDeps.add("w" + i);
    }
    steps.add(join);
    return def;
  }

  public static CompiledWorkflow compile(JsonNode definition) {
    ParseResult result = new DefinitionParser().parse(definition);
    if (result instanceof ParseResult.Invalid invalid) {
      throw new IllegalArgumentException("invalid definition: " + invalid.violations());
    }
    return CompiledWorkflow.of(new WorkflowKey("default", definition.get("id").asText(), 1),
        ((ParseResult.Valid) result).definition());
  }

  /** The P3 input: about 100 bytes of JSON. */
  public static final String P3_INPUT = "{\"orderId\":\"ord-000123\",\"customer\":\"c-42\","
      + "\"amount\":129.95,\"currency\":\"EUR\",\"items\":3,\"express\":false}";
}
