package io.ordo.cli;

import com.typesafe.config.ConfigFactory;
import io.ordo.node.OrdoNode;
import java.util.HashMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ordo server}: runs a node until SIGTERM or SIGINT, then leaves the cluster cleanly.
 * Without ORDO_DB_URL the node keeps its own PostgreSQL under the data directory.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
    description = {"Run an Ordo node (HTTP API, engine, embedded database unless ORDO_DB_URL).",
        "Settings come from ORDO_* environment variables; the options below win over them."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the node stopped by itself (e.g. removed from the cluster)",
        "1:failed to start", "143/130:stopped by SIGTERM/SIGINT, after a clean shutdown"})
final class ServerCommand implements Callable<Integer> {

  @Option(names = "--port", description = "HTTP port (ORDO_HTTP_PORT, default 8080)")
  Integer port;

  @Option(names = "--data-dir", description = "Local data directory (ORDO_DATA_DIR, default ./data)")
  String dataDir;

  @Override
  public Integer call() throws InterruptedException {
    var overrides = new HashMap<String, Object>();
    if (port != null) {
      overrides.put("ordo.http.port", port);
    }
    if (dataDir != null) {
      overrides.put("ordo.data-dir", dataDir);
    }
    // A node the cluster removed must exit, so its supervisor starts a fresh one.
    overrides.put("pekko.coordinated-shutdown.exit-jvm", "on");
    OrdoNode node;
    try {
      node = OrdoNode.start(ConfigFactory.parseMap(overrides));
    } catch (RuntimeException e) {
      System.err.println("ordo server: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "ordo-shutdown"));
    node.system().getWhenTerminated().toCompletableFuture().join();
    node.close();
    return 0;
  }
}
