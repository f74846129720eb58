package io.ordo.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.ArtifactSpec;
import io.ordo.engine.model.JsonPointers;
import io.ordo.engine.model.expr.ValueTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads a step's {@code artifacts}: {@code [{ "name", "value"?, "contentType"? }]}. */
final class ArtifactsParser {

  private ArtifactsParser() {
  }

  /** The artifacts, empty when absent, null when invalid. */
  static List<ArtifactSpec> parse(FieldReader step) {
    JsonNode node = step.get("artifacts");
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      step.report("artifacts", "must be an array");
      return null;
    }
    Violations violations = step.violations();
    int mark = violations.mark();
    List<ArtifactSpec> artifacts = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String pointer = JsonPointers.child(step.pointer("artifacts"), i);
      FieldReader fields = FieldReader.of(node.get(i), pointer, violations);
      if (fields == null) {
        continue;
      }
      String name = fields.requiredString("name");
      ValueTemplate value = Templates.optional(fields, "value", Expect.ANY);
      String contentType = fields.string("contentType");
      fields.rejectUnknownFields();
      // Two artifacts of one step with the same name would overwrite each other.
      if (name != null && !names.add(name)) {
        fields.report("name", "duplicate artifact name '" + name + "'");
      }
      if (name != null) {
        artifacts.add(new ArtifactSpec(name, value, contentType));
      }
    }
    return violations.noneSince(mark) ? artifacts : null;
  }
}
