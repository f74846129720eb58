package io.ordo.engine.runtime;

/** The addressed resource does not exist in the caller's workspace. */
public final class NotFoundException extends RuntimeException {
  public NotFoundException(String message) {
    super(message);
  }
}
