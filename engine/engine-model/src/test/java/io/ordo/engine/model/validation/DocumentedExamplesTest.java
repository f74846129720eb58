package io.ordo.engine.model.validation;

import static io.ordo.engine.model.validation.Definitions.resource;
import static io.ordo.engine.model.validation.Definitions.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.StepDefinition;
import io.ordo.engine.model.StepType;
import io.ordo.engine.model.WorkflowDefinition;
import io.ordo.engine.model.retry.RetryStrategy;
import io.ordo.engine.model.steps.ConditionalSpec;
import io.ordo.engine.model.steps.ForEachSpec;
import io.ordo.engine.model.steps.HttpRequestSpec;
import io.ordo.engine.model.steps.WebhookCallSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every example of docs/workflow-dsl.md is a valid definition (or part of one). */
class DocumentedExamplesTest {

  private static final Path DSL_DOC = Path.of("../../docs/workflow-dsl.md");

  @ParameterizedTest
  @ValueSource(strings = {"order-fulfilment.json", "data-transform.json", "for-each.json",
      "retry-policy.json", "expressions.json", "every-step-type.json"})
  void parsesDocumentedExample(String fixture) {
    valid(resource(fixture));
  }

  @Test
  void readsTheMainExampleAsDocumented() {
    WorkflowDefinition definition = valid(resource("order-fulfilment.json"));
    assertEquals("order-fulfilment", definition.id());
    assertEquals("Order fulfilment", definition.name());
    assertEquals(Duration.ofMinutes(10), definition.timeout());
    assertEquals(Duration.ofSeconds(30), definition.defaults().timeout());
    assertEquals(RetryStrategy.EXPONENTIAL, definition.defaults().retry().strategy());
    assertEquals(5, definition.defaults().retry().maxAttempts());
    assertEquals(Duration.ofMillis(500), definition.defaults().retry().initialDelay());
    assertEquals(0.2, definition.defaults().retry().jitter());
    assertEquals(List.of("stock", "in-stock", "charge", "sorry"),
        definition.steps().stream().map(StepDefinition::id).toList());

    HttpRequestSpec stock = (HttpRequestSpec) definition.steps().get(0).spec();
    assertEquals("inventory", stock.agent());
    assertEquals("GET", stock.method());
    assertNull(stock.url());

    ConditionalSpec inStock = (ConditionalSpec) definition.step("in-stock").orElseThrow().spec();
    assertEquals(List.of("charge"), inStock.branches().get(0).next());
    assertEquals(List.of("sorry"), inStock.otherwise());

    assertInstanceOf(WebhookCallSpec.class, definition.step("sorry").orElseThrow().spec());
    assertEquals("charged", definition.goals().get(0).name());
    assertTrue(definition.inputSchema().validate(Json.mapper().createObjectNode()).get(0).startsWith("/sku"));
  }

  @Test
  void forEachTemplateTakesTheIdOfItsStep() {
    WorkflowDefinition definition = valid(resource("for-each.json"));
    ForEachSpec spec = (ForEachSpec) definition.steps().get(0).spec();
    assertEquals(5, spec.concurrency());
    assertEquals("prices", spec.step().id());
    assertEquals(StepType.DATA_TRANSFORM, spec.step().type());
    assertTrue(spec.step().dependsOn().isEmpty());
  }

  @Test
  void retryPolicyExampleKeepsItsNonRetryableErrors() {
    WorkflowDefinition definition = valid(resource("retry-policy.json"));
    assertEquals(Set.of("VALIDATION_FAILED"), definition.defaults().retry().nonRetryableErrors());
  }

  /** Guards against the doc and the parser drifting apart: every JSON block is checked. */
  @Test
  void everyJsonBlockOfTheDslDocumentParses() throws IOException {
    Assumptions.assumeTrue(Files.exists(DSL_DOC), "docs/workflow-dsl.md is not next to the module");
    List<String> blocks = jsonBlocks(Files.readString(DSL_DOC));
    assertTrue(blocks.size() >= 4, "expected the documented examples, found " + blocks.size());
    for (String block : blocks) {
      JsonNode node = Json.mapper().readTree(block);
      if (node.path("steps").isArray()) {
        valid(block);
      } else if (node.has("type") && node.has("id")) {
        valid(Definitions.workflow(block));
      } else if (node.has("strategy")) {
        valid("{\"id\": \"wf\", \"defaults\": {\"retry\": " + block + "}, \"steps\": ["
            + Definitions.transform("a") + "]}");
      }
      // The expression context and the problem+json answer are not definitions.
    }
  }

  private static List<String> jsonBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher matcher = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }
}
