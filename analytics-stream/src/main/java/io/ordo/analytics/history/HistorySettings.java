package io.ordo.analytics.history;

import com.typesafe.config.Config;
import java.time.Duration;

/** The {@code ordo.analytics.history} section, parsed once; documented in reference.conf. */
public record HistorySettings(int groupSize, Duration groupWindow, int summaryMaxChars,
    long artifactInlineMaxBytes) {

  public HistorySettings {
    if (summaryMaxChars < 16) {
      throw new IllegalArgumentException("ordo.analytics.history.summary-max-chars must be at"
          + " least 16, not " + summaryMaxChars);
    }
  }

  public static HistorySettings from(Config root) {
    Config c = root.getConfig("ordo.analytics.history");
    return new HistorySettings(c.getInt("group-size"), c.getDuration("group-window"),
        c.getInt("summary-max-chars"), c.getBytes("artifact-inline-max-bytes"));
  }
}
