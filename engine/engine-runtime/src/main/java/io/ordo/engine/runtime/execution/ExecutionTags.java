package io.ordo.engine.runtime.execution;

import java.util.Set;

/**
 * Every execution event carries exactly one tag, {@code exec-<bucket>}, the bucket chosen from
 * the execution id. Projections run one instance per bucket, spread over the cluster. Tags are
 * stored with the events, so the number of buckets is fixed for the life of a database.
 */
public final class ExecutionTags {

  public static final String PREFIX = "exec-";

  private ExecutionTags() {}

  public static int bucket(String executionId, int buckets) {
    return Math.floorMod(executionId.hashCode(), buckets);
  }

  public static String tag(String executionId, int buckets) {
    return PREFIX + bucket(executionId, buckets);
  }

  public static Set<String> all(int buckets) {
    var tags = new java.util.LinkedHashSet<String>();
    for (int i = 0; i < buckets; i++) {
      tags.add(PREFIX + i);
    }
    return tags;
  }
}
