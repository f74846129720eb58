package io.ordo.engine.runtime;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The {@code ordo.engine} section of the configuration, parsed once. Documented in the module's
 * reference.conf.
 */
public record EngineSettings(
    boolean inlinePureSteps,
    long maxStepOutputBytes,
    int maxForEachItems,
    int tagBuckets,
    int snapshotEvery,
    Duration livenessInterval,
    Duration passivateAfterEnd,
    Duration passivateWhenIdle,
    Duration askTimeout,
    Duration wakeupPollInterval,
    int wakeupBatchSize,
    int projectionGroupSize,
    long definitionCacheSize) {

  public static EngineSettings from(Config root) {
    Config c = root.getConfig("ordo.engine");
    return new EngineSettings(
        c.getBoolean("inline-pure-steps"),
        c.getMemorySize("max-step-output-size").toBytes(),
        c.getInt("max-for-each-items"),
        c.getInt("tag-buckets"),
        c.getInt("snapshot-every"),
        c.getDuration("liveness-interval"),
        c.getDuration("passivate-after-end"),
        c.getDuration("passivate-when-idle"),
        c.getDuration("ask-timeout"),
        c.getDuration("wakeup.poll-interval"),
        c.getInt("wakeup.batch-size"),
        c.getInt("projection-group-size"),
        c.getLong("definition-cache-size"));
  }
}
