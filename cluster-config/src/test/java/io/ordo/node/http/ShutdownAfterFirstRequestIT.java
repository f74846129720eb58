package io.ordo.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ordo.node.OrdoNode;
import io.ordo.node.testing.ApiClient;
import io.ordo.node.testing.TestNodes;
import io.ordo.node.testing.TestPostgres;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A node that has served a request stops promptly, however soon after its start. */
class ShutdownAfterFirstRequestIT {

  @Test

  void aNodeStoppedRightAfterItsFirstRequestStopsWithinAFewSeconds() {
    // Several rounds: the first, in a cold JVM, is slow enough to start to hide the problem.
    for (int round = 1; round <= 3; round++) {
      OrdoNode node = TestNodes.start(TestPostgres.freshDatabase());
      assertEquals(200, new ApiClient(node.httpPort()).get("/health/ready").status());
      long start = System.nanoTime();
      node.close();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "round " + round + ": close took "
          + took.toMillis() + " ms");
    }
  }
}
