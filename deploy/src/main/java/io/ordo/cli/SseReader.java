package io.ordo.cli;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads server-sent events as the HTML standard parses them: {@code data} lines joined with a
 * newline, {@code id} remembered across events, comment lines (heartbeats) ignored, an event
 * dispatched on a blank line only when it has data.
 */
final class SseReader {

  /** One event; {@code id} is the last id seen so far (null when none was sent). */
  record Event(String id, String type, String data) {}

  private final BufferedReader in;
  private String lastId;
  private Long retryMillis;

  SseReader(BufferedReader in, String lastId) {
    this.in = in;
    this.lastId = lastId;
  }

  /** The next event, or null at the end of the stream. */
  Event next() throws IOException {
    StringBuilder data = null;
    String type = null;
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        if (data != null) {
          return new Event(lastId, type == null ? "message" : type, data.toString());
        }
        type = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue;
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n')
            .append(value);
        case "event" -> type = value;
        case "id" -> lastId = value.indexOf('\0') >= 0 ? lastId : value;
        case "retry" -> retryMillis = value.matches("\\d{1,9}") ? Long.valueOf(value)
            : retryMillis;
        default -> { } // Unknown fields are ignored, as the standard says.
      }
    }
    return null;
  }

  /** The reconnection delay the server asked for, if it did. */
  Long retryMillis() {
    return retryMillis;
  }
}
