package io.ordo.http.problems;

import java.util.List;

/** A request that cannot be accepted as sent: answered 400 with every violation. */
public final class InvalidRequestException extends RuntimeException {

  private final String type;
  private final List<FieldError> errors;

  public InvalidRequestException(String type, String title, List<FieldError> errors) {
    super(title);
    this.type = type;
    this.errors = List.copyOf(errors);
  }

  public String type() {
    return type;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
