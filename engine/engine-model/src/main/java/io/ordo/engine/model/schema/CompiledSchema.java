package io.ordo.engine.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.networknt.schema.JsonSchema;
import java.util.List;
import java.util.Objects;

/**
 * A JSON Schema (draft 2020-12) that is known to be valid, ready to validate values. Compiled
 * once; {@link #validate} may be called from many threads at once.
 */
public final class CompiledSchema {

  private final JsonNode source;
  private final JsonSchema schema;

  private CompiledSchema(JsonNode source, JsonSchema schema) {
    this.source = source;
    this.schema = schema;
  }

  /**
   * Checks {@code document} against the 2020-12 meta-schema, then compiles it.
   *
   * @throws SchemaException listing every problem, with pointers into {@code document}
   */
  public static CompiledSchema compile(JsonNode document) throws SchemaException {
    Objects.requireNonNull(document, "document");
    if (!SchemaSupport.isObjectOrBoolean(document)) {
      throw new SchemaException(
          List.of(new SchemaViolation("", "a schema must be an object or a boolean")));
    }
    JsonNode dialect = document.path("$schema");
    if (dialect.isTextual()
        && !dialect.textValue().replaceFirst("#$", "").equals(SchemaSupport.DRAFT_2020_12)) {
      throw new SchemaException(List.of(new SchemaViolation("/$schema",
          "only draft 2020-12 is supported (" + SchemaSupport.DRAFT_2020_12 + ")")));
    }
    List<SchemaViolation> problems =
        SchemaSupport.violations(SchemaSupport.META_SCHEMA.validate(document));
    if (!problems.isEmpty()) {
      throw new SchemaException(problems);
    }
    JsonNode copy = document.deepCopy();
    try {
      JsonSchema schema = SchemaSupport.FACTORY.getSchema(copy, SchemaSupport.CONFIG);
      // Resolves every $ref now, so a dangling reference fails here rather than at validation.
      schema.initializeValidators();
      return new CompiledSchema(copy, schema);
    } catch (RuntimeException e) {
      throw new SchemaException(List.of(new SchemaViolation("", cleanMessage(e))));
    }
  }

  /** Human-readable problems, each {@code "<pointer>: <message>"}; empty when valid. */
  public List<String> validate(JsonNode value) {
    return violations(value).stream().map(SchemaViolation::describe).toList();
  }

  /** The same problems as {@link #validate}, with the pointer kept apart. */
  public List<SchemaViolation> violations(JsonNode value) {
    JsonNode instance = value == null ? NullNode.getInstance() : value;
    return SchemaSupport.violations(schema.validate(instance));
  }

  /** The schema as written. Shared: callers must not modify it. */
  public JsonNode source() {
    return source;
  }

  private static String cleanMessage(RuntimeException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceFirst("^[\\w.]+Exception: ", "").replaceFirst("^: ", "")
        .lines().findFirst().orElse(message).strip();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CompiledSchema that && source.equals(that.source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  @Override
  public String toString() {
    return source.toString();
  }
}
