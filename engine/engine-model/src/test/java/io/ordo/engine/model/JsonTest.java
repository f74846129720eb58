package io.ordo.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JsonTest {

  record Empty() {
  }

  @Test
  void writesTimesAsIsoStrings() throws Exception {
    assertEquals("{\"at\":\"2026-11-23T09:00:00Z\",\"wait\":\"PT1M30S\"}", Json.mapper().writeValueAsString(
        new TreeMap<>(Map.of("at", Instant.parse("2026-11-23T09:00:00Z"), "wait", Duration.ofSeconds(90)))));
  }

  @Test
  void readsTimesFromIsoStrings() throws Exception {
    assertEquals(Duration.ofMillis(500), Json.mapper().readValue("\"PT0.5S\"", Duration.class));
  }

  @Test
  void writesEmptyObjects() throws Exception {
    assertEquals("{}", Json.mapper().writeValueAsString(new Object()));
  }

  @Test
  void pointersEscapeTildeAndSlash() {
    assertEquals("/branches/a~1b~0c/0", JsonPointers.child(JsonPointers.child("/branches", "a/b~c"), 0));
  }
}
