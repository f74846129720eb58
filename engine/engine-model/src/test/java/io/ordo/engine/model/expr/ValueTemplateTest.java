package io.ordo.engine.model.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ordo.engine.model.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ValueTemplateTest {

  private static final JsonNode CONTEXT = json("""
      {"input": {"sku": "A-1", "qty": 3, "items": [{"price": 2}, {"price": 5}], "ok": true,
                 "tags": ["x", "y"], "nothing": null},
       "steps": {"stock": {"status": "COMPLETED", "output": {"body": {"qty": 7}}}}}
      """);

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static JsonNode eval(String templateJson) throws ExpressionException {
    return ValueTemplate.compile(json(templateJson)).evaluate(CONTEXT);
  }

  private static String text(String template) throws ExpressionException {
    return ValueTemplate.compile(TextNode.valueOf(template)).evaluate(CONTEXT).asText();
  }

  @Test
  void singleExpressionYieldsTheRawValue() throws Exception {
    assertEquals(json("3"), eval("\"${ .input.qty }\""));
    assertEquals(json("[\"x\", \"y\"]"), eval("\"${ .input.tags }\""));
    assertEquals(json("2"), eval("\"${ .input.items | length }\""));
    assertEquals(json("true"), eval("\"${ .steps.stock.output.body.qty > 0 }\""));
  }

  @Test
  void singleExpressionMayHaveBlankAround() throws Exception {
    assertEquals(json("{\"sku\": \"A-1\"}"), eval("\"  ${ {sku: .input.sku} }\\n\""));
  }

  @Test
  void expressionWithoutValueYieldsNull() throws Exception {
    assertEquals(json("null"), eval("\"${ empty }\""));
    assertEquals(json("null"), eval("\"${ .input.missing }\""));
  }

  @Test
  void expressionWithSeveralValuesYieldsTheFirst() throws Exception {
    assertEquals(json("\"x\""), eval("\"${ .input.tags[] }\""));
  }

  @Test
  void textAroundAnExpressionInterpolates() throws Exception {
    assertEquals("/stock/A-1", text("/stock/${ .input.sku }"));
  }

  @Test
  void interpolationRendersNonStringsAsCompactJson() throws Exception {
    assertEquals("qty=3 tags=[\"x\",\"y\"] ok=true none=null obj={\"a\":1}",
        text("qty=${ .input.qty } tags=${ .input.tags } ok=${ .input.ok } none=${ .input.nothing } obj=${ {a: 1} }"));
  }

  @Test
  void interpolationRendersIntegralNumbersWithoutFraction() throws Exception {
    assertEquals("n=1000 half=0.5", text("n=${ 1e3 } half=${ 1 / 2 }"));
  }

  @Test
  void severalExpressionsInterpolateEvenWithoutText() throws Exception {
    assertEquals("A-13", text("${ .input.sku }${ .input.qty }"));
  }

  @Test
  void objectsAndArraysAreTemplatesElementByElement() throws Exception {
    assertEquals(json("{\"sku\": \"A-1\", \"qty\": 1, \"${ .k }\": [\"A-1\", 3, \"n=3\"]}"),
        eval("{\"sku\": \"${ .input.sku }\", \"qty\": 1, \"${ .k }\": [\"${ .input.sku }\", \"${ .input.qty }\", \"n=${ .input.qty }\"]}"));
  }

  @Test
  void valuesWithoutExpressionsAreConstant() throws Exception {
    ValueTemplate template = ValueTemplate.compile(json("{\"a\": [1, \"text\", null, {\"b\": false}]}"));
    assertTrue(template.isConstant());
    assertEquals(json("{\"a\": [1, \"text\", null, {\"b\": false}]}"), template.evaluate(CONTEXT));
    assertFalse(ValueTemplate.compile(json("[1, \"${ . }\"]")).isConstant());
  }

  @Test
  void constantTemplateIgnoresExpressionSyntax() throws Exception {
    ValueTemplate template = ValueTemplate.constant(TextNode.valueOf("${ not jq"));
    assertEquals("${ not jq", template.evaluate(CONTEXT).asText());
  }

  @Test
  void evaluationResultCannotAlterTheTemplate() throws Exception {
    ValueTemplate template = ValueTemplate.compile(json("{\"a\": 1}"));
    ((ObjectNode) template.evaluate(CONTEXT)).put("a", 2);
    assertEquals(json("{\"a\": 1}"), template.evaluate(CONTEXT));
  }

  @Test
  void findsTheClosingBraceAfterBracesInJqStrings() throws Exception {
    assertEquals(json("{\"a\": \"A-1\", \"b\": \"}\"}"), eval("\"${ {a: .input.sku, b: \\\"}\\\"} }\""));
    assertEquals("x{y}", text("x${ \"{\" + \"y\" + \"}\" }"));
  }

  @Test
  void handlesEscapedQuotesAndInterpolationInsideJqStrings() throws Exception {
    assertEquals("say \"}\" A-1", text("${ \"say \\\"}\\\" \\(.input.sku)\" }"));
    assertEquals("k=}1", text("k=${ \"\\(\"}\")\\(1)\" }"));
  }

  @Test
  void rejectsSyntaxErrorsWithShortMessages() {
    ExpressionException e = assertThrows(ExpressionException.class,
        () -> ValueTemplate.compile(TextNode.valueOf("${ .input. }")));
    assertEquals("invalid expression '.input.': unexpected end of expression at column 7", e.getMessage());
    assertEquals("", e.pointer());
  }

  @Test
  void rejectsUnclosedExpression() {
    ExpressionException e = assertThrows(ExpressionException.class,
        () -> ValueTemplate.compile(TextNode.valueOf("/stock/${ .input.sku")));
    assertTrue(e.getMessage().contains("never closed"), e.getMessage());
  }

  @Test
  void rejectsEmptyExpression() {
    ExpressionException e = assertThrows(ExpressionException.class,
        () -> ValueTemplate.compile(TextNode.valueOf("a ${ } b")));
    assertTrue(e.getMessage().contains("is empty"), e.getMessage());
  }

  @Test
  void reportsEveryBrokenExpressionWithItsPointer() {
    ExpressionException e = assertThrows(ExpressionException.class,
        () -> ValueTemplate.compile(json("{\"a/b\": \"${ 1 + }\", \"c\": [\"${ .ok }\", \"${ ]] }\"]}")));
    assertEquals(List.of("/a~1b", "/c/1"), e.problems().stream().map(ExpressionException::pointer).toList());
  }

  @Test
  void failedEvaluationNamesTheExpression() throws Exception {
    ValueTemplate template = ValueTemplate.compile(json("{\"x\": \"${ .input.sku + 1 }\"}"));
    ExpressionException e = assertThrows(ExpressionException.class, () -> template.evaluate(CONTEXT));
    assertTrue(e.getMessage().startsWith("expression '.input.sku + 1' failed: "), e.getMessage());
    assertEquals("/x", e.pointer());
  }

  @Test
  void unknownFunctionFailsWhenEvaluated() throws Exception {
    ValueTemplate template = ValueTemplate.compile(TextNode.valueOf("${ nosuch(1) }"));
    ExpressionException e = assertThrows(ExpressionException.class, () -> template.evaluate(CONTEXT));
    assertTrue(e.getMessage().contains("nosuch/1"), e.getMessage());
  }

  @Test
  void runawayRecursionFailsInsteadOfCrashing() throws Exception {
    ValueTemplate template = ValueTemplate.compile(TextNode.valueOf("${ def f: 1 + f; f }"));
    ExpressionException e = assertThrows(ExpressionException.class, () -> template.evaluate(CONTEXT));
    assertTrue(e.getMessage().contains("failed"), e.getMessage());
  }

  @Test
  void equalTemplatesHaveEqualSources() throws Exception {
    assertEquals(ValueTemplate.compile(json("{\"a\": \"${ .x }\"}")), ValueTemplate.compile(json("{\"a\": \"${ .x }\"}")));
  }

  @Test
  void oneCompiledTemplateEvaluatesConcurrently() throws Exception {
    ValueTemplate template = ValueTemplate.compile(json(
        "{\"sku\": \"${ .input.sku }\", \"total\": \"${ [.input.items[].price] | add }\", \"label\": \"n=${ .n }\"}"));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 2000; i++) {
        int n = i;
        results.add(pool.submit(() -> {
          JsonNode context = CONTEXT.deepCopy();
          ((ObjectNode) context).put("n", n);
          JsonNode value = template.evaluate(context);
          return value.equals(json("{\"sku\": \"A-1\", \"total\": 7, \"label\": \"n=" + n + "\"}"));
        }));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
