package io.ordo.engine.model.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.concurrent.atomic.AtomicReference;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * One compiled jq expression. Compiled queries are immutable; every evaluation gets a fresh child
 * of the shared root scope, so one instance can be evaluated from many threads at once.
 */
final class JqExpression {

  private static final int MAX_QUOTED_LENGTH = 80;

  // Loaded once and never modified afterwards: child scopes only read from it.
  private static final Scope ROOT = rootScope();

  private final String text;
  private final JsonQuery query;

  private JqExpression(String text, JsonQuery query) {
    this.text = text;
    this.query = query;
  }

  /** Compiles the jq text found between {@code ${} and {@code }}. */
  static JqExpression compile(String rawText, String pointer) throws ExpressionException {
    String text = rawText.strip();
    if (text.isEmpty()) {
      throw new ExpressionException("invalid expression: '${}' is empty", pointer, null);
    }
    try {
      return new JqExpression(text, JsonQuery.compile(text, Versions.JQ_1_6));
    } catch (JsonQueryException | RuntimeException e) {
      throw new ExpressionException("invalid expression " + quote(text) + ": "
          + JqErrors.describeSyntaxError(e), pointer, e);
    }
  }

  /** The first value the expression yields, or null when it yields none. */
  JsonNode evaluate(JsonNode context, String pointer) throws ExpressionException {
    AtomicReference<JsonNode> first = new AtomicReference<>();
    try {
      query.apply(Scope.newChildScope(ROOT), context, value -> first.compareAndSet(null, value));
    } catch (JsonQueryException | RuntimeException | StackOverflowError e) {
      throw new ExpressionException("expression " + quote(text) + " failed: "
          + JqErrors.describeRuntimeError(e), pointer, e);
    }
    JsonNode value = first.get();
    return value == null ? NullNode.getInstance() : value;
  }

  String text() {
    return text;
  }

  private static String quote(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return "'" + (oneLine.length() > MAX_QUOTED_LENGTH
        ? oneLine.substring(0, MAX_QUOTED_LENGTH) + "…" : oneLine) + "'";
  }

  private static Scope rootScope() {
    Scope root = Scope.newEmptyScope();
    BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, root);
    return root;
  }
}
