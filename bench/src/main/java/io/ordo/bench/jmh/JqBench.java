package io.ordo.bench.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.expr.ValueTemplate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A step's jq template, compiled once (as a definition version is, and cached) and evaluated
 * against an execution context: what every DATA_TRANSFORM costs on top of the journal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JqBench {

  /** path: one field; object: an object of three expressions; filter: select over an array. */
  // A path alone costs under 0.1 µs (first runs); the object and the filter are the real work.
  @Param({"object", "filter"})
  public String template;

  private ValueTemplate compiled;
  private JsonNode context;

  @Setup
  public void setup() throws Exception {
    String source = switch (template) {
      case "path" -> "\"${ .input.customer }\"";
      case "object" -> "{\"order\": \"${ .input.orderId }\", \"gross\": \"${ .input.amount * 1.19 }\","
          + " \"next\": \"${ .steps.a.output.count + 1 }\"}";
      case "filter" -> "\"${ [.input.lines[] | select(.qty > 1) | .sku] }\"";
      default -> throw new IllegalArgumentException(template);
    };
    compiled = ValueTemplate.compile(Json.mapper().readTree(source));
    context = Json.mapper().readTree("""
        {"input": {"orderId": "ord-000123", "customer": "c-42", "amount": 129.95,
                   "lines": [{"sku": "A", "qty": 1}, {"sku": "B", "qty": 2}, {"sku": "C", "qty": 5},
                             {"sku": "D", "qty": 1}, {"sku": "E", "qty": 3}]},
         "steps": {"a": {"status": "COMPLETED", "output": {"count": 41}}},
         "execution": {"id": "e-1", "workflowId": "wf", "version": 1,
                       "startedAt": "2026-11-23T09:00:00Z"}}""");
  }

  @Benchmark
  public JsonNode evaluate() throws Exception {
    return compiled.evaluate(context);
  }
}
