package io.ordo.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class StackComponentsTest {

  @Test
  void decodingForAProjectionCountsAsReadingEventsBack() {
    assertEquals("reading events back: projections (eventsByTag, decode, handlers, offsets)",
        StackComponents.classify(List.of(
            "com.fasterxml.jackson.dataformat.cbor.CBORParser.nextToken",
            "org.apache.pekko.serialization.jackson.JacksonSerializer.fromBinary",
            "org.apache.pekko.persistence.jdbc.PekkoSerialization$.fromRow",
            "org.apache.pekko.stream.impl.fusing.Map$$anon$1.onPush")));
  }

  @Test
  void encodingForTheJournalCountsAsTheJournalWrite() {
    assertEquals("journal write: encode, insert event and tag rows", StackComponents.classify(
        List.of("com.fasterxml.jackson.dataformat.cbor.CBORGenerator.writeFieldName",
            "org.apache.pekko.persistence.jdbc.PekkoSerialization$.serialize",
            "org.apache.pekko.persistence.jdbc.journal.JdbcAsyncWriteJournal.asyncWriteMessages")));
  }

  @Test
  void theStartOfANewEntityIsItsReplay() {
    assertEquals("entity start: snapshot and replay queries (also for a new execution)",
        StackComponents.classify(List.of("org.postgresql.jdbc.PgResultSet.next",
            "org.apache.pekko.persistence.jdbc.snapshot.JdbcSnapshotStore.loadAsync")));
  }

  @Test
  void aStackOfNothingKnownIsOther() {
    assertEquals(StackComponents.OTHER, StackComponents.classify(List.of("java.lang.String.length")));
  }
}
