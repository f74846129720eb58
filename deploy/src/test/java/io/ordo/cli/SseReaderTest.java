package io.ordo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Server-sent events parsed as the HTML standard says, in the order pekko-http writes fields. */
class SseReaderTest {

  @Test
  void readsEventsWhateverTheFieldOrderAndSkipsHeartbeats() throws IOException {
    SseReader reader = reader("""
        data:{"seq":1}
        event:execution.started
        id:1

        : keep-alive

        id: 2
        event: step.started
        data: {"seq":2,
        data: "more":true}

        """, null);
    assertEquals(new SseReader.Event("1", "execution.started", "{\"seq\":1}"), reader.next());
    assertEquals(new SseReader.Event("2", "step.started", "{\"seq\":2,\n\"more\":true}"),
        reader.next());
    assertNull(reader.next());
  }

  @Test
  void keepsTheLastIdAcrossEventsWithoutOneAndReadsRetry() throws IOException {
    SseReader reader = reader("""
        retry: 2500
        data: a

        id: 9
        data: b

        data: c

        """, "7");
    assertEquals("7", reader.next().id());
    assertEquals("9", reader.next().id());
    assertEquals("9", reader.next().id());
    assertEquals(2500L, reader.retryMillis());
  }

  @Test
  void anEventCutOffBeforeItsBlankLineIsNotDispatched() throws IOException {
    assertNull(reader("id: 3\ndata: {\"half\":", null).next());
  }

  private static SseReader reader(String text, String lastId) {
    return new SseReader(new BufferedReader(new StringReader(text)), lastId);
  }
}
