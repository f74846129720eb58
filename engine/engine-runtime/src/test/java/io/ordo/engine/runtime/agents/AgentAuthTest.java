package io.ordo.engine.runtime.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headers each auth scheme puts on the wire, and the secret kept out of every toString. */
class AgentAuthTest {

  @Test
  void bearerSendsTheTokenInAuthorization() {
    assertEquals(Map.of("Authorization", "Bearer t0k"), AgentAuth.bearer("t0k").headers());
  }

  @Test
  void basicSendsBase64OfUserColonPasswordInUtf8() {
    String expected = "Basic " + Base64.getEncoder()
        .encodeToString("ordo:pässword".getBytes(StandardCharsets.UTF_8));
    assertEquals(Map.of("Authorization", expected),
        AgentAuth.basic("ordo", "pässword").headers());
  }

  @Test
  void apiKeySendsTheValueInItsOwnHeader() {
    assertEquals(Map.of("X-Api-Key", "k"), AgentAuth.apiKey("X-Api-Key", "k").headers());
  }

  @Test
  void noneAndAMissingSecretSendNothing() {
    assertEquals(Map.of(), AgentAuth.NONE.headers());
    assertEquals(Map.of(), AgentAuth.bearer(null).headers());
  }

  @Test
  void toStringOfEveryRecordHoldingASecretMasksIt() {
    var auth = AgentAuth.basic("ordo", "hunter2");
    var agent = new AgentRecord("default", "a", "a", null, "https://a.example",
        AgentAuth.Type.BASIC, "ordo", null, true, null, null, "/health", true,
        AgentHealth.UNKNOWN, Instant.EPOCH, Instant.EPOCH);
    var spec = new AgentSpec("a", "a", null, "https://a.example", auth, null, null, "/health",
        true);
    var access = new AgentAccess(agent, auth);

    for (Object holder : new Object[] {auth, spec, access, access.endpoint()}) {
      assertFalse(holder.toString().contains("hunter2"), holder.toString());
    }
    assertTrue(auth.toString().contains("ordo"), "the username is not secret");
  }
}
