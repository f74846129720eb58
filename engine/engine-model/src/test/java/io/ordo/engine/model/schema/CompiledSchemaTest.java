package io.ordo.engine.model.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CompiledSchemaTest {

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<String> pointers(SchemaException e) {
    return e.violations().stream().map(SchemaViolation::pointer).distinct().toList();
  }

  @Test
  void acceptsValidSchemas() throws Exception {
    CompiledSchema.compile(json("{\"type\": \"object\", \"required\": [\"sku\"]}"));
    CompiledSchema.compile(json("true"));
    CompiledSchema.compile(json("{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
        + " \"$defs\": {\"n\": {\"type\": \"integer\"}}, \"items\": {\"$ref\": \"#/$defs/n\"}}"));
  }

  @Test
  void rejectsMisspelledType() {
    SchemaException e = assertThrows(SchemaException.class, () -> CompiledSchema.compile(json("{\"type\": \"strnig\"}")));
    assertEquals(List.of("/type"), pointers(e));
    assertTrue(e.getMessage().startsWith("invalid JSON Schema: /type: "), e.getMessage());
  }

  @Test
  void rejectsRequiredThatIsNotAnArray() {
    SchemaException e = assertThrows(SchemaException.class, () -> CompiledSchema.compile(json("{\"required\": \"x\"}")));
    assertEquals(List.of("/required"), pointers(e));
  }

  @Test
  void collectsEveryMetaSchemaViolation() {
    SchemaException e = assertThrows(SchemaException.class, () -> CompiledSchema.compile(
        json("{\"properties\": {\"a\": {\"minimum\": \"1\"}, \"b\": {\"pattern\": \"[\"}}, \"required\": 1}")));
    assertEquals(List.of("/properties/a/minimum", "/properties/b/pattern", "/required"),
        pointers(e).stream().sorted().toList());
  }

  @Test
  void rejectsDocumentThatIsNotASchema() {
    SchemaException e = assertThrows(SchemaException.class, () -> CompiledSchema.compile(json("42")));
    assertEquals(List.of(""), pointers(e));
  }

  @Test
  void rejectsOtherDrafts() {
    SchemaException e = assertThrows(SchemaException.class, () -> CompiledSchema.compile(
        json("{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}")));
    assertEquals(List.of("/$schema"), pointers(e));
  }

  @Test
  void rejectsDanglingReference() {
    assertThrows(SchemaException.class, () -> CompiledSchema.compile(json("{\"$ref\": \"#/$defs/missing\"}")));
  }

  @Test
  void neverFetchesRemoteReferences() {
    SchemaException e = assertThrows(SchemaException.class,
        () -> CompiledSchema.compile(json("{\"$ref\": \"https://schemas.example.com/order.json\"}")));
    assertTrue(e.getMessage().contains("not allowed"), e.getMessage());
  }

  @Test
  void validValueHasNoMessages() throws Exception {
    CompiledSchema schema = CompiledSchema.compile(json("{\"type\": \"object\", \"required\": [\"sku\"]}"));
    assertEquals(List.of(), schema.validate(json("{\"sku\": \"A\"}")));
  }

  @Test
  void messagesStartWithTheInstancePointer() throws Exception {
    CompiledSchema schema = CompiledSchema.compile(json("""
        {"type": "object", "required": ["sku"], "additionalProperties": false,
         "properties": {"sku": {"type": "string"}, "qty": {"type": "integer", "minimum": 1},
                        "lines": {"type": "array", "items": {"type": "object", "required": ["n"]}},
                        "a/b": {"type": "string"}}}
        """));
    List<String> messages = schema.validate(json("{\"qty\": 0, \"lines\": [{}, {\"n\": 1}], \"a/b\": 1, \"zz\": true}"));
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("/sku: ") && m.contains("required")), messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("/qty: ")), messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("/lines/0/n: ")), messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("/a~1b: ")), messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("/zz: ")), messages.toString());
    assertEquals(5, messages.size(), messages.toString());
  }

  @Test
  void assertsFormats() throws Exception {
    CompiledSchema schema = CompiledSchema.compile(json("{\"format\": \"date-time\"}"));
    assertEquals(1, schema.validate(json("\"yesterday\"")).size());
    assertEquals(0, schema.validate(json("\"2026-11-23T09:00:00Z\"")).size());
  }

  @Test
  void reportsRootProblemsWithTheEmptyPointer() throws Exception {
    CompiledSchema schema = CompiledSchema.compile(json("{\"type\": \"object\"}"));
    assertEquals(List.of(new SchemaViolation("", "string found, object expected")), schema.violations(json("\"x\"")));
  }

  @Test
  void validatesConcurrently() throws Exception {
    CompiledSchema schema = CompiledSchema.compile(json("{\"type\": \"object\", \"properties\": {\"n\": {\"maximum\": 500}}}"));
    long invalid = IntStream.range(0, 1000).parallel()
        .filter(n -> !schema.validate(json("{\"n\": " + n + "}")).isEmpty()).count();
    assertEquals(499, invalid);
  }
}
