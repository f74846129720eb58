package io.ordo.engine.model.expr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A template that does not compile, or an expression that failed while evaluating. The message is
 * short and meant for users; {@link #pointer()} locates the offending string inside the template's
 * JSON, so a caller can append it to the pointer of the field that holds the template.
 *
 * <p>Compiling a template reports every broken expression: the first is this exception, all of
 * them are in {@link #problems()}.
 */
public class ExpressionException extends Exception {

  private final String pointer;
  private final List<ExpressionException> others = new ArrayList<>();

  public ExpressionException(String message) {
    this(message, "", null);
  }

  public ExpressionException(String message, String pointer, Throwable cause) {
    super(message, cause);
    this.pointer = pointer;
  }

  /** Pointer relative to the template's root ({@code ""} for the template itself). */
  public String pointer() {
    return pointer;
  }

  /** This problem followed by any others found in the same template. */
  public List<ExpressionException> problems() {
    List<ExpressionException> all = new ArrayList<>();
    all.add(this);
    all.addAll(others);
    return Collections.unmodifiableList(all);
  }

  static ExpressionException of(List<ExpressionException> problems) {
    ExpressionException first = problems.get(0);
    first.others.addAll(problems.subList(1, problems.size()));
    return first;
  }
}
