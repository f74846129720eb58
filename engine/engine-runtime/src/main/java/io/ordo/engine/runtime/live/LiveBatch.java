package io.ordo.engine.runtime.live;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.ordo.engine.runtime.OrdoSerializable;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The events one persist wrote for one execution, with the sequence number of the first: what an
 * execution entity publishes to its bucket's topic right after the write. It crosses nodes, and
 * the list holds several event types, so each element names its class (the journal instead keeps
 * the class in a column).
 */
public record LiveBatch(String executionId, long firstSeq,
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, property = "@class")
    List<ExecutionEvent> events) implements OrdoSerializable {

  public List<SequencedEvent> sequenced() {
    var out = new ArrayList<SequencedEvent>(events.size());
    for (int i = 0; i < events.size(); i++) {
      out.add(new SequencedEvent(firstSeq + i, events.get(i)));
    }
    return out;
  }
}
