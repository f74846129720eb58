package io.ordo.engine.runtime;

/** The request contradicts the resource's current state (it exists already, it has ended, ...). */
public final class ConflictException extends RuntimeException {
  public ConflictException(String message) {
    super(message);
  }
}
