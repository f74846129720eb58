package io.ordo.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The server answered, but refused: {@code problem} is its RFC 7807 body (or the text it sent),
 * with every violation in {@code errors}. Whatever the status, the command exits 4.
 */
final class ApiException extends RuntimeException {

  private final int status;
  private final transient JsonNode problem;

  ApiException(int status, JsonNode problem) {
    super(Problems.summary(status, problem));
    this.status = status;
    this.problem = problem;
  }

  int status() {
    return status;
  }

  JsonNode problem() {
    return problem;
  }

  int exitCode() {
    return ExitCodes.REJECTED;
  }
}
