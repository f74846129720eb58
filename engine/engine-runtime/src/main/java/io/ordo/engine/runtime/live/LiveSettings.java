package io.ordo.engine.runtime.live;

import com.typesafe.config.Config;

/** The {@code ordo.engine.live} section, parsed once; documented in reference.conf. */
public record LiveSettings(boolean publish, int listenerBuffer, int reorderLimit) {

  public static LiveSettings from(Config root) {
    Config c = root.getConfig("ordo.engine.live");
    return new LiveSettings(c.getBoolean("publish"), c.getInt("listener-buffer"),
        c.getInt("reorder-limit"));
  }
}
