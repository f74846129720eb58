package io.ordo.http.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.runtime.agents.AgentAuth;
import io.ordo.engine.runtime.agents.AgentHealth;
import io.ordo.engine.runtime.agents.AgentRecord;
import io.ordo.engine.runtime.agents.AgentSpec;
import io.ordo.http.problems.FieldError;
import io.ordo.http.problems.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading agent bodies: defaults, every violation with its pointer, and kept secrets. */
class AgentRequestsTest {

  private static AgentRecord stored(AgentAuth.Type type) {
    return new AgentRecord("default", "a", "a", null, "https://a.example", type,
        type == AgentAuth.Type.BASIC ? "u" : null,
        type == AgentAuth.Type.API_KEY ? "X-Key" : null, type.hasSecret(), null, null,
        "/health", true, AgentHealth.UNKNOWN, Instant.EPOCH, Instant.EPOCH);
  }

  private static List<FieldError> errors(String body, String pathId, AgentRecord current) {
    return assertThrows(InvalidRequestException.class,
        () -> AgentRequests.parse(body, pathId, current)).errors();
  }

  private static List<String> pointers(List<FieldError> errors) {
    return errors.stream().map(FieldError::pointer).toList();
  }

  @Test
  void appliesTheDefaults() {
    AgentSpec spec = AgentRequests.parse("{\"id\": \"a\", \"baseUrl\": \"http://a.example//\"}",
        null, null);

    assertEquals("a", spec.name());
    assertEquals("http://a.example", spec.baseUrl());
    assertEquals(AgentAuth.NONE, spec.auth());
    assertEquals("/health", spec.healthPath());
    assertTrue(spec.enabled());
    assertNull(spec.defaultTimeout());
    assertNull(spec.defaultRetry());
  }

  @Test
  void aReplacementMayLeaveTheSecretOutWhileTheTypeStays() {
    for (var type : List.of(AgentAuth.Type.BEARER, AgentAuth.Type.BASIC,
        AgentAuth.Type.API_KEY)) {
      String auth = switch (type) {
        case BEARER -> "{\"type\": \"BEARER\"}";
        case BASIC -> "{\"type\": \"BASIC\", \"username\": \"u\"}";
        default -> "{\"type\": \"API_KEY\", \"header\": \"X-Key\"}";
      };
      AgentSpec spec = AgentRequests.parse("{\"baseUrl\": \"http://a.example\", \"auth\": "
          + auth + "}", "a", stored(type));
      assertEquals(type, spec.auth().type());
      assertNull(spec.auth().secret(), "null keeps the stored secret");
    }
  }

  @Test
  void aCreateOrATypeChangeNeedsTheSecret() {
    assertEquals(List.of("/auth/token"), pointers(errors(
        "{\"id\": \"a\", \"baseUrl\": \"http://a.example\", \"auth\": {\"type\": \"BEARER\"}}",
        null, null)));
    assertEquals(List.of("/auth/password"), pointers(errors("{\"baseUrl\": \"http://a.example\","
        + " \"auth\": {\"type\": \"BASIC\", \"username\": \"u\"}}", "a",
        stored(AgentAuth.Type.BEARER))));
  }

  @Test
  void refusesSecretsThatCannotTravelInAHeaderWithoutQuotingThem() {
    List<FieldError> errors = errors("{\"id\": \"a\", \"baseUrl\": \"http://a.example\","
        + " \"auth\": {\"type\": \"BEARER\", \"token\": \"line\\nbreak-s3cr3t\"}}", null, null);

    assertEquals(List.of("/auth/token"), pointers(errors));
    assertFalse(errors.toString().contains("s3cr3t"), errors.toString());
  }

  @Test
  void refusesHeaderNamesTheClientSetsItselfAndColonsInUsernames() {
    assertEquals(List.of("/auth/header"), pointers(errors("{\"id\": \"a\", \"baseUrl\":"
        + " \"http://a.example\", \"auth\": {\"type\": \"API_KEY\", \"header\": \"Host\","
        + " \"value\": \"v\"}}", null, null)));
    assertEquals(List.of("/auth/username"), pointers(errors("{\"id\": \"a\", \"baseUrl\":"
        + " \"http://a.example\", \"auth\": {\"type\": \"BASIC\", \"username\": \"a:b\","
        + " \"password\": \"p\"}}", null, null)));
  }

  @Test
  void malformedJsonIsReportedWithoutQuotingTheBody() {
    List<FieldError> errors = errors("{\"auth\": {\"token\": s3cr3t}}", null, null);

    assertEquals(List.of(""), pointers(errors));
    assertTrue(errors.get(0).message().startsWith("malformed JSON"), errors.toString());
    assertFalse(errors.toString().contains("s3cr3t"), errors.toString());
  }
}
