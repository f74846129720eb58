package io.ordo.engine.model.schema;

/**
 * One way a value (or a schema, against the meta-schema) is invalid.
 *
 * @param pointer JSON pointer to the offending place in the validated value ({@code ""}: all of it)
 */
public record SchemaViolation(String pointer, String message) {

  /** {@code "<pointer>: <message>"}, the form {@link CompiledSchema#validate} returns. */
  public String describe() {
    return pointer + ": " + message;
  }
}
