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
    long definitionCacheSize,
    Duration subWorkflowPollInterval) {

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
        c.getLong("definition-cache-size"),
        c.getDuration("sub-workflow.max-poll-interval"));
  }

  public EngineSettings withInlinePureSteps(boolean inline) {
    return new EngineSettings(inline, maxStepOutputBytes, maxForEachItems, tagBuckets,
        snapshotEvery, livenessInterval, passivateAfterEnd, passivateWhenIdle, askTimeout,
        wakeupPollInterval, wakeupBatchSize, projectionGroupSize, definitionCacheSize,
        subWorkflowPollInterval);
  }

  public EngineSettings withMaxStepOutputBytes(long bytes) {
    return new EngineSettings(inlinePureSteps, bytes, maxForEachItems, tagBuckets,
        snapshotEvery, livenessInterval, passivateAfterEnd, passivateWhenIdle, askTimeout,
        wakeupPollInterval, wakeupBatchSize, projectionGroupSize, definitionCacheSize,
        subWorkflowPollInterval);
  }

  public EngineSettings withPassivateAfterEnd(Duration after) {
    return new EngineSettings(inlinePureSteps, maxStepOutputBytes, maxForEachItems, tagBuckets,
        snapshotEvery, livenessInterval, after, passivateWhenIdle, askTimeout,
        wakeupPollInterval, wakeupBatchSize, projectionGroupSize, definitionCacheSize,
        subWorkflowPollInterval);
  }
}
