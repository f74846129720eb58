package io.ordo.engine.runtime.live;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.pekko.japi.function.Function;

/**
 * Merges two feeds of one execution's events (in-memory pushes and journal polls) into one
 * sequence without duplicates or gaps: it emits sequence numbers strictly in order from
 * {@code next}, drops what it has already emitted, and holds early arrivals until the gap before
 * them is filled (the journal always fills it). At most {@code limit} are held; beyond that the
 * latest are dropped, to arrive again from the journal. One instance per stream.
 */
final class InOrder implements Function<SequencedEvent, Iterable<SequencedEvent>> {

  private static final long serialVersionUID = 1L;

  private final TreeMap<Long, SequencedEvent> early = new TreeMap<>();
  private final int limit;
  private long next;

  InOrder(long next, int limit) {
    this.next = next;
    this.limit = limit;
  }

  @Override
  public Iterable<SequencedEvent> apply(SequencedEvent event) {
    if (event.seq() < next) {
      return List.of();
    }
    if (event.seq() > next) {
      early.put(event.seq(), event);
      if (early.size() > limit) {
        early.pollLastEntry();
      }
      return List.of();
    }
    var out = new ArrayList<SequencedEvent>();
    out.add(event);
    next++;
    early.headMap(next).clear();
    for (var held = early.pollFirstEntry(); held != null; held = early.pollFirstEntry()) {
      if (held.getKey() != next) {
        early.put(held.getKey(), held.getValue());
        break;
      }
      out.add(held.getValue());
      next++;
    }
    return out;
  }
}
