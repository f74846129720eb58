package io.ordo.http.problems;

/** Well-formed and valid, but cannot be carried out (e.g. a step type this node cannot run). */
public final class UnprocessableException extends RuntimeException {
  public UnprocessableException(String message) {
    super(message);
  }
}
