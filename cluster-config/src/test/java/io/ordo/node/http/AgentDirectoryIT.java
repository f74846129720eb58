package io.ordo.node.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.engine.model.retry.RetryStrategy;
import io.ordo.engine.runtime.agents.AgentDirectory;
import io.ordo.engine.runtime.agents.AgentEndpoint;
import io.ordo.engine.runtime.agents.AgentResolver;
import io.ordo.engine.runtime.agents.AgentSettings;
import io.ordo.node.testing.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** How HTTP steps find agents: the node's resolver, and a cached directory as another node has. */
class AgentDirectoryIT extends ApiTestSupport {

  private static Optional<AgentEndpoint> resolve(AgentResolver resolver, String agentId)
      throws Exception {
    return resolver.resolve("default", agentId).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void put(String id, String body) {
    Response r = api.put("/api/v1/agents/" + id, body);
    assertEquals(200, r.status(), r.body());
  }

  @Test
  void resolvesEachAuthSchemeToItsHeadersAndTheAgentsDefaults() throws Exception {
    String id = uniqueId("resolve");
    assertEquals(201, api.post("/api/v1/agents", """
        {"id": "%s", "baseUrl": "https://agent.example/v1/", "defaultTimeout": "PT7S",
         "defaultRetry": {"strategy": "FIXED", "maxAttempts": 2},
         "auth": {"type": "BEARER", "token": "tok"}}""".formatted(id)).status());
    AgentResolver resolver = node.engine().agentResolver();

    AgentEndpoint bearer = resolve(resolver, id).orElseThrow();
    assertEquals("https://agent.example/v1", bearer.baseUrl());
    assertEquals(Map.of("Authorization", "Bearer tok"), bearer.authHeaders());
    assertEquals(Duration.ofSeconds(7), bearer.defaultTimeout());
    assertEquals(RetryStrategy.FIXED, bearer.defaultRetry().strategy());
    assertEquals(2, bearer.defaultRetry().maxAttempts());
    assertTrue(bearer.enabled());
    assertFalse(bearer.toString().contains("tok"), bearer.toString());

    // Written through this node: the cached copy is dropped at once, no waiting for the TTL.
    put(id, """
        {"baseUrl": "https://agent.example", "auth": {"type": "BASIC", "username": "u",
         "password": "p:w"}}""");
    String basic = "Basic " + Base64.getEncoder()
        .encodeToString("u:p:w".getBytes(StandardCharsets.UTF_8));
    assertEquals(Map.of("Authorization", basic), resolve(resolver, id).orElseThrow()
        .authHeaders());

    put(id, """
        {"baseUrl": "https://agent.example", "enabled": false,
         "auth": {"type": "API_KEY", "header": "X-Api-Key", "value": "k-1"}}""");
    AgentEndpoint key = resolve(resolver, id).orElseThrow();
    assertEquals(Map.of("X-Api-Key", "k-1"), key.authHeaders());
    assertFalse(key.enabled());
    assertNull(key.defaultRetry());

    put(id, "{\"baseUrl\": \"https://agent.example\"}");
    assertEquals(Map.of(), resolve(resolver, id).orElseThrow().authHeaders());

    assertEquals(Optional.empty(), resolve(resolver, "no-such-agent"));
  }

  @Test
  void aDirectoryThatDidNotMakeTheChangeSeesItWithinItsTtl() throws Exception {
    String id = uniqueId("ttl");
    assertEquals(201, api.post("/api/v1/agents", """
        {"id": "%s", "baseUrl": "https://agent.example",
         "auth": {"type": "BEARER", "token": "old"}}""".formatted(id)).status());
    // Another node's view: reads the same store but is not told of this node's writes.
    var elsewhere = new AgentDirectory(node.engine().agents(),
        new AgentSettings(Duration.ofMillis(500), 100, Duration.ofSeconds(5)));
    assertEquals(Map.of("Authorization", "Bearer old"),
        resolve(elsewhere, id).orElseThrow().authHeaders());

    put(id, """
        {"baseUrl": "https://agent.example", "auth": {"type": "BEARER", "token": "new"}}""");

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
        assertEquals(Map.of("Authorization", "Bearer new"),
            resolve(elsewhere, id).orElseThrow().authHeaders()));
    assertEquals(Map.of("Authorization", "Bearer new"),
        resolve(node.engine().agentResolver(), id).orElseThrow().authHeaders());
  }

  @Test
  void aDeletedAgentNoLongerResolves() throws Exception {
    String id = uniqueId("gone");
    assertEquals(201, api.post("/api/v1/agents",
        "{\"id\": \"" + id + "\", \"baseUrl\": \"https://agent.example\"}").status());
    assertTrue(resolve(node.engine().agentResolver(), id).isPresent());

    assertEquals(204, api.delete("/api/v1/agents/" + id).status());

    assertEquals(Optional.empty(), resolve(node.engine().agentResolver(), id));
  }
}
