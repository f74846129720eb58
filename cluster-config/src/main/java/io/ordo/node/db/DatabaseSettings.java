package io.ordo.node.db;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code ordo.db} section: an external PostgreSQL when {@code url} is set, else the
 * embedded server in {@code embedded.dir}.
 */
public record DatabaseSettings(String url, String user, String password, int poolSize,
    Path embeddedDir, int embeddedPort, Map<String, String> embeddedServerConfig) {

  public static DatabaseSettings from(Config root) {
    Config c = root.getConfig("ordo.db");
    var server = new LinkedHashMap<String, String>();
    c.getConfig("embedded.server-config").entrySet()
        .forEach(e -> server.put(e.getKey(), String.valueOf(e.getValue().unwrapped())));
    return new DatabaseSettings(c.getString("url"), c.getString("user"),
        c.getString("password"), c.getInt("pool-size"), Path.of(c.getString("embedded.dir")),
        c.getInt("embedded.port"), server);
  }

  public boolean embedded() {
    return url == null || url.isBlank();
  }
}
