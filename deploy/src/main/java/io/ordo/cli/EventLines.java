package io.ordo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * One line per live event for {@code ordo run --watch}: the local time, what the event is about
 * (a step, with the item of a FOR_EACH, or the execution) and what happened, e.g.
 * <pre>
 * 14:03:07.112  fetch                    failed in 31ms (attempt 1): HTTP_5XX: 503 Service Unavailable
 * 14:03:07.113  fetch                    retry scheduled: attempt 2 at 14:03:07.613
 * </pre>
 * The wire format is in docs/api.md ("Live events"); fields it does not know are ignored, and event
 * types it does not know are shown by name, so newer servers still read well.
 */
final class EventLines {

  private EventLines() {}

  static String line(JsonNode event) {
    return String.format(Locale.ROOT, "%-12s  %-24s %s", Formats.clock(event.get("at")),
        subject(event), what(event));
  }

  /** The step (with {@code [item]}), else the event's subject: execution, signal, ... */
  static String subject(JsonNode event) {
    String type = event.path("type").asText("event");
    String step = text(event, "stepId");
    if (step != null && !type.startsWith("execution.")) {
      return event.hasNonNull("item") ? step + "[" + event.get("item").asText() + "]" : step;
    }
    return type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
  }

  static String what(JsonNode event) {
    String type = event.path("type").asText("event");
    String kind = type.substring(type.indexOf('.') + 1);
    StringBuilder what = new StringBuilder();
    switch (type) {
      case "execution.started" -> {
        what.append("started ").append(event.path("workflowId").asText("?"));
        if (event.hasNonNull("version")) {
          what.append(" v").append(event.get("version").asInt());
        }
        append(what, " (triggered by ", text(event, "triggeredBy"), ")");
      }
      case "step.started" -> {
        what.append("started");
        if (event.path("attempt").asInt(1) > 1) {
          what.append(" (attempt ").append(event.get("attempt").asInt()).append(')');
        }
      }
      case "step.succeeded" -> {
        what.append("succeeded");
        duration(what, event);
        call(what, event);
      }
      case "step.failed" -> {
        what.append("failed");
        duration(what, event);
        what.append(" (attempt ").append(event.path("attempt").asInt(1)).append(')');
        String error = error(event.get("error"));
        if (error == null || !error.contains(event.path("input").path("url").asText("\0"))) {
          call(what, event);
        }
        append(what, ": ", error, "");
      }
      case "step.retry-scheduled" -> {
        what.append("retry scheduled: attempt ").append(event.path("nextAttempt").asInt());
        append(what, " at ", clock(event, "dueAt"), "");
      }
      case "step.waiting" -> {
        what.append("waiting");
        append(what, " for signal '", text(event, "signal"), "'");
        append(what, " until ", clock(event, "dueAt"), "");
      }
      case "for-each.started" -> {
        int items = event.path("items").size();
        what.append("for-each started: ").append(items).append(items == 1 ? " item" : " items");
      }
      case "signal.received", "signal.delivered" ->
          what.append("signal '").append(event.path("name").asText("?")).append("' ")
              .append(kind);
      case "execution.completed" -> {
        what.append("completed");
        JsonNode goals = event.get("goalsReached");
        if (goals != null && goals.size() > 0) {
          what.append(" (goals reached: ").append(join(goals)).append(')');
        }
      }
      case "execution.failed" -> {
        what.append("failed");
        append(what, " at step ", text(event, "stepId"), "");
        append(what, ": ", error(event.get("error")), "");
      }
      case "artifact.recorded" -> {
        what.append("artifact '").append(event.path("name").asText("?")).append("' recorded");
        append(what, " (", text(event, "contentType"), ")");
      }
      default -> what.append(kind.replace('-', ' '));
    }
    append(what, " by ", text(event, "by"), "");
    append(what, ": ", text(event, "reason"), "");
    return what.toString();
  }

  /** {@code CLASS: message}; the engine's errors are {@code {errorClass, message, ...}}. */
  static String error(JsonNode error) {
    if (error == null || error.isNull()) {
      return null;
    }
    if (!error.isObject()) {
      return error.asText();
    }
    String errorClass = error.path("errorClass").asText(error.path("class").asText(""));
    String message = error.path("message").asText("");
    return errorClass.isEmpty() ? message : message.isEmpty() ? errorClass
        : errorClass + ": " + message;
  }

  private static void duration(StringBuilder what, JsonNode event) {
    if (event.has("durationMs")) {
      what.append(" in ").append(Formats.duration(event.get("durationMs").asLong()));
    }
  }

  /** What an HTTP attempt sent ({@code GET http://…}) and the status it got back. */
  private static void call(StringBuilder what, JsonNode event) {
    JsonNode input = event.get("input");
    if (input == null || !input.hasNonNull("method") || !input.hasNonNull("url")) {
      return;
    }
    what.append(": ").append(input.get("method").asText()).append(' ')
        .append(input.get("url").asText());
    JsonNode status = event.path("output").get("status");
    if (status != null && status.isInt()) {
      what.append(" -> ").append(status.asInt());
    }
  }

  private static String clock(JsonNode event, String field) {
    return event.hasNonNull(field) ? Formats.clock(event.get(field)) : null;
  }

  private static String text(JsonNode event, String field) {
    JsonNode value = event.get(field);
    return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
  }

  private static String join(JsonNode array) {
    StringBuilder joined = new StringBuilder();
    array.forEach(value -> joined.append(joined.length() == 0 ? "" : ", ").append(value.asText()));
    return joined.toString();
  }

  private static void append(StringBuilder what, String prefix, String value, String suffix) {
    if (value != null) {
      what.append(prefix).append(value).append(suffix);
    }
  }
}
