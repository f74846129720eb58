package io.ordo.engine.model.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.ordo.engine.model.Json;
import io.ordo.engine.model.WorkflowDefinition;
import java.util.List;

/**
 * Turns a workflow document into a {@link WorkflowDefinition}, or reports every violation at
 * once. First the structural parse (fields, types, expressions, schemas, durations, ranges), then
 * the graph rules over the whole definition. Stateless: one instance can serve all threads.
 */
public final class DefinitionParser {

  // Duplicate keys would otherwise silently keep the last value, trailing text be ignored.
  private static final ObjectReader READER = Json.mapper().reader()
      .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final List<DefinitionRule> RULES = List.of(
      new UniqueStepIdsRule(),
      new DependsOnKnownStepRule(),
      new DependsOnTopLevelStepRule(),
      new ConditionalTargetKnownRule(),
      new ConditionalTargetTopLevelRule(),
      new ConditionalNotSelfTargetRule(),
      new AcyclicDependenciesRule(),
      new UniqueGoalNamesRule());

  /** Parses JSON text; malformed JSON gives one violation at {@code ""} naming line and column. */
  public ParseResult parse(String json) {
    JsonNode document;
    try {
      document = READER.readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      return invalid("malformed JSON: " + e.getOriginalMessage() + where);
    }
    if (document == null || document.isMissingNode()) {
      return invalid("malformed JSON: the document is empty");
    }
    return parse(document);
  }

  public ParseResult parse(JsonNode document) {
    if (document == null || document.isMissingNode()) {
      return invalid("malformed JSON: the document is empty");
    }
    Violations violations = new Violations();
    WorkflowDefinition definition = new WorkflowParser(violations).parse(document);
    if (document.isObject()) {
      DefinitionOutline outline = OutlineReader.read(document);
      RULES.forEach(rule -> violations.addAll(rule.check(outline)));
    }
    if (!violations.isEmpty()) {
      return new ParseResult.Invalid(violations.list());
    }
    if (definition == null) {
      throw new IllegalStateException("a definition without violations must have been built");
    }
    return new ParseResult.Valid(definition);
  }

  private static ParseResult invalid(String message) {
    return new ParseResult.Invalid(List.of(new Violation("", message)));
  }
}
