package io.ordo.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.schema.CompiledSchema;
import io.ordo.engine.model.schema.SchemaException;
import io.ordo.engine.model.schema.SchemaViolation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Compiles JSON Schema fields; each problem is reported where it is inside the schema. */
final class Schemas {

  private Schemas() {
  }

  static CompiledSchema schema(FieldReader fields, String field, boolean required) {
    JsonNode value = required ? fields.required(field) : fields.get(field);
    if (value == null) {
      return null;
    }
    try {
      return CompiledSchema.compile(value);
    } catch (SchemaException e) {
      // The meta-schema often says several things about one keyword (an enum and a type
      // mismatch for "type"): one violation per place reads better.
      Map<String, List<String>> byPointer = new LinkedHashMap<>();
      for (SchemaViolation violation : e.violations()) {
        byPointer.computeIfAbsent(violation.pointer(), p -> new ArrayList<>())
            .add(violation.message());
      }
      byPointer.forEach((pointer, messages) -> fields.violations().add(
          fields.pointer(field) + pointer,
          "invalid JSON Schema: " + messages.stream().distinct().collect(Collectors.joining("; "))));
      return null;
    }
  }
}
