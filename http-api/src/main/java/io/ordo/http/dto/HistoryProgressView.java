package io.ordo.http.dto;

import java.util.List;

/**
 * The history projection's progress per tag bucket: {@code offset} is the journal ordering of
 * the last event folded (null before the first), {@code latest} the newest event of the bucket.
 */
public record HistoryProgressView(String projection, boolean caughtUp, List<Bucket> buckets) {

  public record Bucket(String key, Long offset, long latest, boolean caughtUp) {}
}
