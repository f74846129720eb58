package io.ordo.cli;

/** The server could not be reached: refused, unknown host, or no answer in time (exit 3). */
final class UnreachableException extends RuntimeException {

  UnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
