package io.ordo.engine.model.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import io.ordo.engine.model.JsonPointers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The shared networknt machinery: one factory, one configuration, the compiled 2020-12
 * meta-schema, and the translation of validation messages into {@link SchemaViolation}s.
 */
final class SchemaSupport {

  static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  // Only the meta-schemas bundled in the library may be loaded: a user's "$ref" must never make
  // the server fetch a URL. The cache is off because user schemas may reuse the same "$id".
  static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
      SpecVersion.VersionFlag.V202012, builder -> builder
          .enableSchemaCache(false)
          .schemaLoaders(loaders -> loaders.add(
              new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));

  // Formats are asserted: a user writing "format": "date-time" expects it to be checked.
  static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .pathType(PathType.JSON_POINTER)
      .formatAssertionsEnabled(true)
      .build();

  static final JsonSchema META_SCHEMA = metaSchema();

  private SchemaSupport() {
  }

  static List<SchemaViolation> violations(Set<ValidationMessage> messages) {
    Set<SchemaViolation> unique = new LinkedHashSet<>();
    for (ValidationMessage message : messages) {
      unique.add(new SchemaViolation(pointer(message), message.getError()));
    }
    return List.copyOf(new ArrayList<>(unique));
  }

  // A missing or forbidden property is reported on its object; pointing at the property itself
  // tells the user more ("/sku: required property 'sku' not found").
  private static String pointer(ValidationMessage message) {
    String location = message.getInstanceLocation().toString();
    String property = message.getProperty();
    boolean aboutProperty = "required".equals(message.getType())
        || "additionalProperties".equals(message.getType())
        || "unevaluatedProperties".equals(message.getType());
    return aboutProperty && property != null ? JsonPointers.child(location, property) : location;
  }

  private static JsonSchema metaSchema() {
    JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(DRAFT_2020_12), CONFIG);
    meta.initializeValidators();
    return meta;
  }

  static boolean isObjectOrBoolean(JsonNode node) {
    return node.isObject() || node.isBoolean();
  }
}
