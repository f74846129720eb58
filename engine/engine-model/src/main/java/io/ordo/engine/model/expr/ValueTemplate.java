package io.ordo.engine.model.expr;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A JSON value with embedded jq expressions ({@code ${ ... }}), compiled once and evaluated
 * against an execution context many times:
 *
 * <ul>
 *   <li>a string that is exactly one {@code ${ ... }} (blank around allowed) yields the
 *       expression's raw JSON value;
 *   <li>a string with other text or several expressions is interpolated: strings are inserted
 *       as-is, other values as compact JSON, {@code null} as "null";
 *   <li>objects and arrays are templates element by element, object keys are literal;
 *   <li>anything else is a constant.
 * </ul>
 *
 * An expression that yields nothing gives {@code null}; one that yields several gives its first.
 * Instances are immutable and safe to evaluate from many threads at once.
 */
public final class ValueTemplate {

  private final JsonNode source;
  private final TemplateNode root;

  private ValueTemplate(JsonNode source, TemplateNode root) {
    this.source = source;
    this.root = root;
  }

  /** Compiles every expression in {@code node}; the exception lists all that do not compile. */
  public static ValueTemplate compile(JsonNode node) throws ExpressionException {
    Objects.requireNonNull(node, "node");
    return new ValueTemplate(node.deepCopy(), TemplateCompiler.compile(node));
  }

  /** A template that always yields {@code value}, even if it contains {@code ${}}. */
  public static ValueTemplate constant(JsonNode value) {
    Objects.requireNonNull(value, "value");
    return new ValueTemplate(value.deepCopy(), new TemplateNode.Constant(value.deepCopy()));
  }

  /** Evaluates against {@code context}; the result may share its nodes: treat it as read-only. */
  public JsonNode evaluate(JsonNode context) throws ExpressionException {
    return root.evaluate(context);
  }

  public boolean isConstant() {
    return root instanceof TemplateNode.Constant;
  }

  /** The template as written. Shared: callers must not modify it. */
  public JsonNode source() {
    return source;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ValueTemplate that && source.equals(that.source)
        && isConstant() == that.isConstant();
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return source.toString();
  }
}
