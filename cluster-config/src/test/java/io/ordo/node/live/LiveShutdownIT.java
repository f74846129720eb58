package io.ordo.node.live;

import static io.ordo.node.live.Live.APPROVAL;
import static io.ordo.node.live.Live.awaitEvent;
import static io.ordo.node.live.Live.workflow;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.node.OrdoNode;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.TestNodes;
import io.ordo.node.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A node that shuts down completes its open streams, instead of waiting for them until the
 * shutdown deadline or cutting them off.
 */
class LiveShutdownIT {

  @Test
  void shuttingDownCompletesOpenStreamsPromptly() {
    OrdoNode node = TestNodes.start(TestPostgres.freshDatabase());
    try {
      var api = new ApiClient(node.httpPort());
      String id = api.execute(workflow(api, APPROVAL), "{}");
      try (SseClient client = SseClient.open(node.httpPort(), id)) {
        awaitEvent(client, "step.waiting");

        Instant closing = Instant.now();
        node.close();
        Duration took = Duration.between(closing, Instant.now());

        // The client's reader sees the end on its own thread, shortly after the close returns;
        // a cut connection would never set it.
        await().atMost(Duration.ofSeconds(5)).until(client::ended);
        // The shutdown deadline for in-flight requests is 10 s; an open stream must not use it.
        assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "shutdown took " + took);
      }
    } finally {
      node.close();
    }
  }
}
