package io.ordo.engine.model.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ordo.engine.model.JsonPointers;
import io.ordo.engine.model.expr.TemplateScanner.Segment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a JSON value and compiles every {@code ${ ... }} in it, collecting all errors with their
 * pointers instead of stopping at the first. Subtrees without expressions fold into constants.
 */
final class TemplateCompiler {

  private final List<ExpressionException> problems = new ArrayList<>();

  static TemplateNode compile(JsonNode node) throws ExpressionException {
    TemplateCompiler compiler = new TemplateCompiler();
    TemplateNode root = compiler.node(node, "");
    if (!compiler.problems.isEmpty()) {
      throw ExpressionException.of(compiler.problems);
    }
    return root;
  }

  private TemplateNode node(JsonNode node, String pointer) {
    if (node.isTextual()) {
      return string(node.textValue(), pointer);
    }
    if (node.isObject()) {
      Map<String, TemplateNode> fields = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String child = JsonPointers.child(pointer, field.getKey());
        fields.put(field.getKey(), node(field.getValue(), child));
      }
      return allConstant(fields.values()) ? new TemplateNode.Constant(node.deepCopy())
          : new TemplateNode.ObjectTemplate(Collections.unmodifiableMap(fields));
    }
    if (node.isArray()) {
      List<TemplateNode> elements = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        elements.add(node(node.get(i), JsonPointers.child(pointer, i)));
      }
      return allConstant(elements) ? new TemplateNode.Constant(node.deepCopy())
          : new TemplateNode.ArrayTemplate(List.copyOf(elements));
    }
    return new TemplateNode.Constant(node.deepCopy());
  }

  private TemplateNode string(String text, String pointer) {
    List<Segment> segments;
    try {
      segments = TemplateScanner.scan(text);
    } catch (ExpressionException e) {
      problems.add(new ExpressionException(e.getMessage(), pointer, null));
      return constantText(text);
    }
    List<TemplateNode> parts = new ArrayList<>();
    for (Segment segment : segments) {
      if (!segment.expression()) {
        parts.add(constantText(segment.text()));
        continue;
      }
      try {
        parts.add(new TemplateNode.Single(JqExpression.compile(segment.text(), pointer), pointer));
      } catch (ExpressionException e) {
        problems.add(e);
      }
    }
    long expressions = segments.stream().filter(Segment::expression).count();
    if (expressions == 0) {
      return constantText(text);
    }
    boolean onlyBlankAround = segments.stream()
        .allMatch(segment -> segment.expression() || segment.text().isBlank());
    if (expressions == 1 && onlyBlankAround && parts.size() == segments.size()) {
      return parts.stream().filter(p -> p instanceof TemplateNode.Single).findFirst().orElseThrow();
    }
    return new TemplateNode.Interpolation(List.copyOf(parts));
  }

  private static TemplateNode constantText(String text) {
    return new TemplateNode.Constant(JsonNodeFactory.instance.textNode(text));
  }

  private static boolean allConstant(Iterable<TemplateNode> nodes) {
    for (TemplateNode node : nodes) {
      if (!(node instanceof TemplateNode.Constant)) {
        return false;
      }
    }
    return true;
  }
}
