package io.ordo.engine.model.validation;

import java.util.regex.Pattern;

/** The identifier rule shared by workflow ids, step ids and signal names. */
final class Identifiers {

  static final int MAX_LENGTH = 128;
  private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  private Identifiers() {
  }

  /** Why {@code value} is not an identifier, or null when it is one. */
  static String problem(String value) {
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      return "must be 1 to " + MAX_LENGTH + " characters long";
    }
    if (!PATTERN.matcher(value).matches()) {
      return "'" + value + "' must match [A-Za-z0-9][A-Za-z0-9_.-]*";
    }
    return null;
  }
}
