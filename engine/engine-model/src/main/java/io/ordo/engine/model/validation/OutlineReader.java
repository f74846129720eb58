package io.ordo.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.JsonPointers;
import io.ordo.engine.model.StepType;
import io.ordo.engine.model.validation.DefinitionOutline.Reference;
import io.ordo.engine.model.validation.DefinitionOutline.StepOutline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@link DefinitionOutline} of a raw document. It never reports anything: whatever
 * is malformed was reported by the parsers and is simply left out here.
 */
final class OutlineReader {

  private final List<StepOutline> topLevel = new ArrayList<>();
  private final List<StepOutline> all = new ArrayList<>();

  private OutlineReader() {
  }

  static DefinitionOutline read(JsonNode document) {
    OutlineReader reader = new OutlineReader();
    JsonNode steps = document.path("steps");
    for (int i = 0; i < steps.size() && steps.isArray(); i++) {
      reader.step(steps.get(i), JsonPointers.child("/steps", i), null, true);
    }
    List<Reference> goals = new ArrayList<>();
    JsonNode goalNodes = document.path("goals");
    for (int i = 0; i < goalNodes.size() && goalNodes.isArray(); i++) {
      JsonNode name = goalNodes.get(i).path("name");
      if (name.isTextual()) {
        goals.add(new Reference(name.textValue(), JsonPointers.child("/goals", i) + "/name"));
      }
    }
    return new DefinitionOutline(
        List.copyOf(reader.topLevel), List.copyOf(reader.all), List.copyOf(goals));
  }

  private void step(JsonNode node, String pointer, String enclosingParallel, boolean isTopLevel) {
    if (!node.isObject()) {
      return;
    }
    String id = node.path("id").isTextual() ? node.path("id").textValue() : null;
    StepType type = type(node.path("type"));
    List<Reference> dependsOn =
        isTopLevel ? strings(node.path("dependsOn"), pointer + "/dependsOn") : List.of();
    List<Reference> targets = new ArrayList<>();
    if (isTopLevel && type == StepType.CONDITIONAL) {
      JsonNode branches = node.path("branches");
      for (int b = 0; b < branches.size() && branches.isArray(); b++) {
        targets.addAll(strings(branches.get(b).path("next"), pointer + "/branches/" + b + "/next"));
      }
      targets.addAll(strings(node.path("otherwise"), pointer + "/otherwise"));
    }
    StepOutline outline = new StepOutline(id, type, pointer, isTopLevel, enclosingParallel,
        dependsOn, List.copyOf(targets));
    all.add(outline);
    if (isTopLevel) {
      topLevel.add(outline);
    }
    if (type == StepType.PARALLEL && node.path("branches").isObject()) {
      String parallel = isTopLevel ? id : enclosingParallel;
      Iterator<Map.Entry<String, JsonNode>> it = node.path("branches").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> branch = it.next();
        String branchPointer = JsonPointers.child(pointer + "/branches", branch.getKey());
        for (int i = 0; i < branch.getValue().size() && branch.getValue().isArray(); i++) {
          step(branch.getValue().get(i), JsonPointers.child(branchPointer, i), parallel, false);
        }
      }
    }
  }

  private static StepType type(JsonNode node) {
    String name = node.isTextual() ? node.textValue() : null;
    return Arrays.stream(StepType.values()).filter(t -> t.name().equals(name))
        .findFirst().orElse(null);
  }

  private static List<Reference> strings(JsonNode array, String pointer) {
    List<Reference> references = new ArrayList<>();
    for (int i = 0; i < array.size() && array.isArray(); i++) {
      if (array.get(i).isTextual()) {
        references.add(new Reference(array.get(i).textValue(), JsonPointers.child(pointer, i)));
      }
    }
    return List.copyOf(references);
  }
}
