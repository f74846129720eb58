package io.ordo.engine.model.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits a template string into literal text and the jq text of each {@code ${ ... }}. The closing
 * brace is found by matching brackets while skipping jq string literals (with their {@code \( )}
 * interpolations) and comments, so {@code ${ {a: "}"} }} is one expression.
 */
final class TemplateScanner {

  /** Marks an open string interpolation {@code \(}: its {@code )} resumes the string. */
  private static final char INTERPOLATION = 'S';

  /** A piece of a template string: literal text or the jq text of one expression. */
  record Segment(String text, boolean expression) {
  }

  private TemplateScanner() {
  }

  static List<Segment> scan(String template) throws ExpressionException {
    List<Segment> segments = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      if (!template.startsWith("${", i)) {
        literal.append(template.charAt(i++));
        continue;
      }
      int end = closingBrace(template, i + 2);
      if (end < 0) {
        throw new ExpressionException(
            "invalid expression: '${' at position " + i + " is never closed with '}'");
      }
      if (literal.length() > 0) {
        segments.add(new Segment(literal.toString(), false));
        literal.setLength(0);
      }
      segments.add(new Segment(template.substring(i + 2, end), true));
      i = end + 1;
    }
    if (literal.length() > 0) {
      segments.add(new Segment(literal.toString(), false));
    }
    return segments;
  }

  /** Index of the '}' closing an expression that starts at {@code from}, or -1. */
  static int closingBrace(String s, int from) {
    Deque<Character> open = new ArrayDeque<>();
    boolean inString = false;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '(') {
          open.push(INTERPOLATION);
          inString = false;
          i++;
        } else if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      if (c == '"') {
        inString = true;
      } else if (c == '#') {
        int newline = s.indexOf('\n', i);
        if (newline < 0) {
          return -1;
        }
        i = newline;
      } else if (c == '{' || c == '(' || c == '[') {
        open.push(c);
      } else if (c == '}' && open.isEmpty()) {
        return i;
      } else if (c == ')' && !open.isEmpty() && open.peek() == INTERPOLATION) {
        open.pop();
        inString = true;
      } else if (!open.isEmpty() && closes(open.peek(), c)) {
        open.pop();
      }
    }
    return -1;
  }

  // A mismatched closer is left alone: jq reports it with a better message than we could.
  private static boolean closes(char opener, char c) {
    return (opener == '{' && c == '}') || (opener == '(' && c == ')')
        || (opener == '[' && c == ']');
  }
}
