package io.ordo.node.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.ordo.node.OrdoNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts real nodes for tests, through the same composition root as the launcher: loopback only,
 * free ports, and the engine's polling made snappier so tests wait less.
 */
public final class TestNodes {

  private static final AtomicInteger NODES = new AtomicInteger();

  private TestNodes() {}

  public static OrdoNode start(String dbUrl) {
    return start(dbUrl, Map.of());
  }

  public static OrdoNode start(String dbUrl, Map<String, Object> extra) {
    var overrides = new HashMap<String, Object>();
    overrides.put("ordo.db.url", dbUrl);
    overrides.put("ordo.db.user", "postgres");
    overrides.put("ordo.data-dir", Path.of("target", "test-nodes", "node-"
        + ProcessHandle.current().pid() + "-" + NODES.incrementAndGet()).toString());
    overrides.put("ordo.http.host", "127.0.0.1");
    overrides.put("ordo.http.port", 0);
    overrides.put("pekko.remote.artery.canonical.port", 0);
    overrides.put("ordo.engine.wakeup.poll-interval", "200ms");
    overrides.put("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    overrides.putAll(extra);
    return OrdoNode.start(config(overrides));
  }

  static Config config(Map<String, Object> overrides) {
    return ConfigFactory.parseMap(overrides);
  }
}
