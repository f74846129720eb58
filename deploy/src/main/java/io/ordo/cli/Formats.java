package io.ordo.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** How the command line shows times, durations and JSON: local time, short, readable. */
final class Formats {

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
          .withZone(ZoneId.systemDefault());

  private Formats() {}

  /** {@code 14:03:07.112} in local time, or the text as given when it is not a timestamp. */
  static String clock(JsonNode timestamp) {
    return format(timestamp, CLOCK);
  }

  /** {@code 2026-11-23 14:03:07} in local time; {@code -} when absent. */
  static String dateTime(JsonNode timestamp) {
    return format(timestamp, DATE_TIME);
  }

  /** {@code 850ms}, {@code 12.3s}, {@code 4m 05s}, {@code 2h 10m}. */
  static String duration(long millis) {
    if (millis < 1_000) {
      return millis + "ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
    Duration d = Duration.ofMillis(millis);
    if (d.toHours() == 0) {
      return String.format(Locale.ROOT, "%dm %02ds", d.toMinutesPart(), d.toSecondsPart());
    }
    return String.format(Locale.ROOT, "%dh %02dm", d.toHours(), d.toMinutesPart());
  }

  /** The time between two timestamps, or {@code -} when either is missing. */
  static String between(JsonNode from, JsonNode to) {
    Instant start = instant(from);
    Instant end = instant(to);
    return start == null || end == null ? "-" : duration(Duration.between(start, end).toMillis());
  }

  static String prettyJson(JsonNode json) {
    try {
      return OrdoClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
    } catch (JsonProcessingException e) {
      return String.valueOf(json);
    }
  }

  static Instant instant(JsonNode timestamp) {
    if (timestamp == null || !timestamp.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(timestamp.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String format(JsonNode timestamp, DateTimeFormatter formatter) {
    Instant instant = instant(timestamp);
    if (instant != null) {
      return formatter.format(instant);
    }
    return timestamp == null || timestamp.isNull() || timestamp.isMissingNode() ? "-"
        : timestamp.asText();
  }
}
