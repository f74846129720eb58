package io.ordo.engine.runtime.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ordo.engine.runtime.execution.events.ExecutionEvent.ExecutionTimedOut;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The merge of pushed and polled events: each sequence number once, in order, none skipped. */
class InOrderTest {

  private static SequencedEvent event(long seq) {
    return new SequencedEvent(seq, new ExecutionTimedOut(Instant.EPOCH.plusSeconds(seq)));
  }

  private static List<Long> feed(InOrder stage, long... seqs) {
    var out = new ArrayList<Long>();
    for (long seq : seqs) {
      stage.apply(event(seq)).forEach(e -> out.add(e.seq()));
    }
    return out;
  }

  @Test
  void passesEventsThatArriveInOrder() {
    assertEquals(List.of(5L, 6L, 7L), feed(new InOrder(5, 10), 5, 6, 7));
  }

  @Test
  void dropsWhatWasAlreadyEmittedOrReplayed() {
    assertEquals(List.of(5L, 6L), feed(new InOrder(5, 10), 3, 4, 5, 5, 6, 4, 6));
  }

  @Test
  void holdsEarlyEventsUntilTheGapIsFilledThenReleasesThemInOrder() {
    var stage = new InOrder(1, 10);
    assertEquals(List.of(), feed(stage, 3, 4, 2));
    assertEquals(List.of(1L, 2L, 3L, 4L), feed(stage, 1));
    assertEquals(List.of(5L), feed(stage, 5));
  }

  @Test
  void aDuplicateOfAHeldEventIsHeldOnce() {
    var stage = new InOrder(1, 10);
    assertEquals(List.of(1L, 2L, 3L), feed(stage, 3, 3, 2, 1, 3, 2));
  }

  @Test
  void overTheLimitTheLatestHeldAreDroppedAndComeAgainFromTheJournal() {
    var stage = new InOrder(1, 2);
    assertEquals(List.of(), feed(stage, 2, 3, 4));
    // 4 was dropped: 1 releases only what is contiguous; the journal then brings 4 again.
    assertEquals(List.of(1L, 2L, 3L), feed(stage, 1));
    assertEquals(List.of(4L), feed(stage, 4));
  }

  @Test
  void twoFeedsInAnyInterleavingGiveEverySequenceNumberOnceInOrder() {
    var random = new Random(42);
    for (int run = 0; run < 200; run++) {
      // A complete feed (the journal) and a lossy, reordered one (pushes), interleaved at random.
      List<Long> journal = LongStream.rangeClosed(1, 50).boxed().toList();
      var pushed = new ArrayList<Long>();
      for (long seq = 1; seq <= 50; seq++) {
        if (random.nextInt(4) != 0) {
          pushed.add(seq);
        }
      }
      for (int i = 0; i + 1 < pushed.size(); i += 2) {
        if (random.nextBoolean()) {
          java.util.Collections.swap(pushed, i, i + 1);
        }
      }
      var stage = new InOrder(1, 8);
      var out = new ArrayList<Long>();
      int j = 0;
      int p = 0;
      while (j < journal.size() || p < pushed.size()) {
        boolean fromJournal = p >= pushed.size() || (j < journal.size() && random.nextInt(3) == 0);
        long seq = fromJournal ? journal.get(j++) : pushed.get(p++);
        stage.apply(event(seq)).forEach(e -> out.add(e.seq()));
      }
      assertEquals(journal, out, "run " + run);
    }
  }
}
