package io.ordo.engine.model.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.model.Json;
import java.util.List;
import java.util.Map;

/** The compiled form of a template; every variant is immutable. */
sealed interface TemplateNode {

  JsonNode evaluate(JsonNode context) throws ExpressionException;

  /** A value without expressions. Copied on the way out so callers cannot alter the template. */
  record Constant(JsonNode value) implements TemplateNode {
    @Override
    public JsonNode evaluate(JsonNode context) {
      return value.deepCopy();
    }
  }

  /** A string that is exactly one expression: its raw JSON value. */
  record Single(JqExpression expression, String pointer) implements TemplateNode {
    @Override
    public JsonNode evaluate(JsonNode context) throws ExpressionException {
      return expression.evaluate(context, pointer);
    }
  }

  /** A string mixing text and expressions: every value is rendered as text. */
  record Interpolation(List<TemplateNode> parts) implements TemplateNode {
    @Override
    public JsonNode evaluate(JsonNode context) throws ExpressionException {
      StringBuilder text = new StringBuilder();
      for (TemplateNode part : parts) {
        text.append(asText(part.evaluate(context)));
      }
      return JsonNodeFactory.instance.textNode(text.toString());
    }

    private static String asText(JsonNode value) throws ExpressionException {
      if (value.isTextual()) {
        return value.textValue();
      }
      // jq prints integral numbers without a fraction, so "${ 2 * .n }" gives "4", not "4.0".
      if (value.isFloatingPointNumber() && value.doubleValue() == Math.rint(value.doubleValue())
          && Math.abs(value.doubleValue()) < 1e15) {
        return Long.toString((long) value.doubleValue());
      }
      try {
        return Json.mapper().writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new ExpressionException("cannot render value as text: " + e.getOriginalMessage());
      }
    }
  }

  /** An object whose values are templates; keys are literal. */
  record ObjectTemplate(Map<String, TemplateNode> fields) implements TemplateNode {
    @Override
    public JsonNode evaluate(JsonNode context) throws ExpressionException {
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, TemplateNode> field : fields.entrySet()) {
        result.set(field.getKey(), field.getValue().evaluate(context));
      }
      return result;
    }
  }

  /** An array whose elements are templates. */
  record ArrayTemplate(List<TemplateNode> elements) implements TemplateNode {
    @Override
    public JsonNode evaluate(JsonNode context) throws ExpressionException {
      ArrayNode result = JsonNodeFactory.instance.arrayNode();
      for (TemplateNode element : elements) {
        result.add(element.evaluate(context));
      }
      return result;
    }
  }
}
