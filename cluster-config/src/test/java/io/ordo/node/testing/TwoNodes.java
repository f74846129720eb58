package io.ordo.node.testing;

import static org.awaitility.Awaitility.await;

import io.ordo.node.OrdoNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * Two real nodes over one database, {@code b} seeded by {@code a}, both seeing each other Up.
 * Closing stops {@code b} first, so {@code a} sees a member leave rather than the cluster end.
 */
public record TwoNodes(OrdoNode a, OrdoNode b) implements AutoCloseable {

  /** Starts both with {@code settings} on top of the test defaults. */
  public static TwoNodes start(String db, Map<String, Object> settings) {
    OrdoNode a = TestNodes.start(db, settings);
    try {
      var seeded = new HashMap<String, Object>(settings);
      seeded.put("ordo.cluster.seed-nodes",
          Cluster.get(a.system()).selfMember().address().toString());
      OrdoNode b = TestNodes.start(db, seeded);
      var nodes = new TwoNodes(a, b);
      await().atMost(Duration.ofSeconds(30)).until(() -> upMembers(a) == 2 && upMembers(b) == 2);
      return nodes;
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
  }

  public static TwoNodes start(String db) {
    return start(db, Map.of());
  }

  /** Members the node sees as Up. */
  public static long upMembers(OrdoNode node) {
    return StreamSupport.stream(Cluster.get(node.system()).state().getMembers().spliterator(),
        false).filter(m -> m.status() == MemberStatus.up()).count();
  }

  @Override
  public void close() {
    b.close();
    a.close();
  }
}
