package io.ordo.node;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.TestNodes;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default: a node on its own database under its data directory. */
class EmbeddedNodeIT {

  @TempDir
  Path dataDir;

  private OrdoNode start() {
    return TestNodes.start("", Map.of("ordo.data-dir", dataDir.toString()));
  }

  @Test
  void keepsWorkflowsAndExecutionsAcrossARestart() {
    String id;
    try (OrdoNode node = start()) {
      var api = new ApiClient(node.httpPort());
      api.createWorkflow("""
          {"id": "kept", "steps": [{"id": "a", "type": "DATA_TRANSFORM", "expression": 1}]}""");
      id = api.execute("kept", "{}");
      await().atMost(Duration.ofSeconds(10)).until(() -> api.status(id).equals("COMPLETED"));
    }
    try (OrdoNode node = start()) {
      var api = new ApiClient(node.httpPort());
      assertEquals(200, api.get("/api/v1/workflows/kept").status());
      assertEquals("COMPLETED", api.status(id));
    }
  }

  @Test
  void aSecondNodeOnTheSameDataDirectoryIsRefusedWithAClearError() {
    try (OrdoNode node = start()) {
      var error = assertThrows(IllegalStateException.class, this::start);
      assertTrue(error.getMessage().contains("ORDO_DATA_DIR"), error.getMessage());
      assertEquals(200, new ApiClient(node.httpPort()).get("/health/ready").status());
    }
  }

  @Test
  void aNodeThatFailsToStartStopsItsDatabase() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      var error = assertThrows(IllegalStateException.class, () -> TestNodes.start("",
          Map.of("ordo.data-dir", dataDir.toString(), "ordo.http.port", taken.getLocalPort())));
      assertTrue(error.getMessage().startsWith("the node did not start"), error.getMessage());
    }
    assertFalse(Files.exists(dataDir.resolve("postgres").resolve("postmaster.pid")),
        "the embedded server was left running");
    try (OrdoNode node = start()) {
      assertEquals(200, new ApiClient(node.httpPort()).get("/health/ready").status());
    }
  }

  @Test
  void nodesWithTheirOwnDataDirectoriesRunSideBySide() {
    try (OrdoNode first = start();
        OrdoNode second = TestNodes.start("", Map.of("ordo.data-dir",
            dataDir.resolve("second").toString()))) {
      var one = new ApiClient(first.httpPort());
      var two = new ApiClient(second.httpPort());
      one.createWorkflow("""
          {"id": "only-here", "steps": [{"id": "a", "type": "DATA_TRANSFORM", "expression": 1}]}""");
      assertEquals(200, one.get("/api/v1/workflows/only-here").status());
      assertEquals(404, two.get("/api/v1/workflows/only-here").status(),
          "each node keeps its own database");
      assertEquals(200, two.get("/health/ready").status());
    }
  }

  @Test
  void servesProbesOnTheManagementPortWhenOneIsSet() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (OrdoNode node = TestNodes.start("", Map.of("ordo.data-dir", dataDir.toString(),
        "ordo.management.port", port))) {
      var management = new ApiClient(port);
      await().atMost(Duration.ofSeconds(10)).until(() -> management.get("/ready").status() == 200);
      assertEquals(200, management.get("/alive").status());
      assertTrue(management.get("/cluster/members").body().contains("Up"));
    }
  }
}
