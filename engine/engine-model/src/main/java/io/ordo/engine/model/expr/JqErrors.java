package io.ordo.engine.model.expr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns jackson-jq's parser and runtime errors into one short line: the generated parser lists
 * every token it would have accepted, which helps nobody writing a workflow.
 */
final class JqErrors {

  private static final Pattern END_OF_INPUT =
      Pattern.compile("Encountered \"<EOF>\" at line (\\d+), column (\\d+)");
  // javacc: Encountered " <KIND> "image "" at line 1, column 4.
  private static final Pattern UNEXPECTED_TOKEN = Pattern.compile("Encountered \" "
      + "(?:<\\w+>|\"(?:[^\"\\\\]|\\\\.)*\") \"(.*?) \"\" at line (\\d+), column (\\d+)");
  private static final Pattern UNEXPECTED =
      Pattern.compile("^Unexpected (.+?) at line (\\d+), column (\\d+)");
  private static final Pattern LEXICAL =
      Pattern.compile("Lexical error at line (\\d+), column (\\d+)\\.\\s+"
          + "Encountered: (.+?) \\(\\d+\\)");

  private JqErrors() {
  }

  static String describeSyntaxError(Throwable error) {
    String detail = firstLine(innermost(error));
    Matcher m = END_OF_INPUT.matcher(detail);
    if (m.find()) {
      return "unexpected end of expression" + at(m.group(1), m.group(2));
    }
    m = UNEXPECTED_TOKEN.matcher(detail);
    if (m.find()) {
      return "unexpected '" + m.group(1).strip() + "'" + at(m.group(2), m.group(3));
    }
    m = UNEXPECTED.matcher(detail);
    if (m.find()) {
      return "unexpected " + m.group(1) + at(m.group(2), m.group(3));
    }
    m = LEXICAL.matcher(detail);
    if (m.find()) {
      return "unexpected character " + m.group(3) + at(m.group(1), m.group(2));
    }
    return detail;
  }

  static String describeRuntimeError(Throwable error) {
    if (error instanceof StackOverflowError) {
      return "recursion too deep";
    }
    return firstLine(error);
  }

  // Line numbers only matter for expressions written over several lines.
  private static String at(String line, String column) {
    return "1".equals(line) ? " at column " + column : " at line " + line + ", column " + column;
  }

  private static Throwable innermost(Throwable error) {
    Throwable current = error;
    while (current.getCause() != null && current.getCause() != current) {
      current = current.getCause();
    }
    return current;
  }

  private static String firstLine(Throwable error) {
    String message = error.getMessage();
    if (message == null || message.isBlank()) {
      return error.getClass().getSimpleName();
    }
    return message.strip().lines().findFirst().orElse(message).strip();
  }
}
