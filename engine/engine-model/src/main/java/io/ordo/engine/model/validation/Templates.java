package io.ordo.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.JsonPointers;
import io.ordo.engine.model.expr.ExpressionException;
import io.ordo.engine.model.expr.ValueTemplate;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiles template fields. Every broken expression is reported at the pointer of the string that
 * holds it, and a constant template is checked against what the field must yield.
 */
final class Templates {

  private Templates() {
  }

  /** An optional template; null when absent or broken. */
  static ValueTemplate optional(FieldReader fields, String field, Expect expect) {
    JsonNode value = fields.get(field);
    return value == null ? null
        : compile(value, fields.pointer(field), expect, fields.violations());
  }

  /** A template that must be present (a JSON null is the constant null). */
  static ValueTemplate required(FieldReader fields, String field, Expect expect) {
    JsonNode value = fields.required(field);
    return value == null ? null
        : compile(value, fields.pointer(field), expect, fields.violations());
  }

  /** An object whose values are templates; empty when absent. */
  static Map<String, ValueTemplate> map(FieldReader fields, String field) {
    JsonNode value = fields.get(field);
    if (value == null) {
      return Map.of();
    }
    if (!value.isObject()) {
      fields.report(field, "must be an object");
      return null;
    }
    Map<String, ValueTemplate> templates = new LinkedHashMap<>();
    boolean valid = true;
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String pointer = JsonPointers.child(fields.pointer(field), entry.getKey());
      ValueTemplate template = compile(entry.getValue(), pointer, Expect.ANY, fields.violations());
      valid &= template != null;
      templates.put(entry.getKey(), template);
    }
    return valid ? Collections.unmodifiableMap(templates) : null;
  }

  static ValueTemplate compile(JsonNode value, String pointer, Expect expect,
      Violations violations) {
    ValueTemplate template;
    try {
      template = ValueTemplate.compile(value);
    } catch (ExpressionException e) {
      e.problems().forEach(
          problem -> violations.add(pointer + problem.pointer(), problem.getMessage()));
      return null;
    }
    String problem = template.isConstant() ? expect.problem(template.source()) : null;
    if (problem != null) {
      violations.add(pointer, problem);
      return null;
    }
    return template;
  }
}
