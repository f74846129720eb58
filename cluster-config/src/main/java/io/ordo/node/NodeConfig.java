package io.ordo.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Loads a node's configuration in two passes: first without the database (to learn whether to
 * start the embedded one), then with the database's URL in place, which the journal settings
 * refer to.
 */
final class NodeConfig {

  private NodeConfig() {}

  /** application.conf and its includes, under the given overrides; substitutions still open. */
  static Config unresolved(Config overrides) {
    return overrides.withFallback(ConfigFactory.defaultOverrides())
        .withFallback(ConfigFactory.defaultApplication());
  }

  static Config resolve(Config unresolved) {
    return unresolved.withFallback(ConfigFactory.defaultReference()).resolve();
  }

  static Config withDatabase(Config unresolved, String url, String user, String password) {
    Config db = ConfigFactory.parseMap(Map.of("ordo.db.url", url, "ordo.db.user", user,
        "ordo.db.password", password));
    Config resolved = resolve(db.withFallback(unresolved));
    List<String> roles = split(resolved.getString("ordo.node-roles"));
    return roles.isEmpty() ? resolved
        : resolved.withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(roles));
  }

  /** Seed nodes as Pekko addresses, from {@code host:port,host:port}. */
  static List<String> seedNodes(Config config, String systemName) {
    return split(config.getString("ordo.cluster.seed-nodes")).stream()
        .map(hostPort -> hostPort.startsWith("pekko://") ? hostPort
            : "pekko://" + systemName + "@" + hostPort)
        .toList();
  }

  private static List<String> split(String csv) {
    return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
