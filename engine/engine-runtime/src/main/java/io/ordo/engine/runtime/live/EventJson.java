package io.ordo.engine.runtime.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ordo.engine.model.Json;
import io.ordo.engine.runtime.execution.events.ExecutionEvent;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * An execution event as live timelines show it (SSE {@code event} and {@code data}; the wire
 * format is in docs/api.md): a dotted type named after the event's class, and one flat JSON
 * object with {@code seq}, {@code type}, {@code executionId} and {@code at} first, then the
 * event's own fields (a step event's step type as {@code stepType}). Fields that are not set are
 * left out. {@code origin} (who sent a command)
 * is left out too: it belongs to the audit log, not to everyone who can watch.
 */
public final class EventJson {

  /** Class-name prefixes and the subjects they stand for; the longest match is tried first. */
  private static final String[][] SUBJECTS = {
      {"ForEach", "for-each"}, {"Execution", "execution"}, {"Artifact", "artifact"},
      {"Signal", "signal"}, {"Step", "step"}};

  private static final Set<String> LEFT_OUT = Set.of("at", "origin", "executionId");

  private EventJson() {}

  /** {@code execution.started}, {@code step.retry-scheduled}, {@code for-each.started}, ... */
  public static String type(Class<? extends ExecutionEvent> eventClass) {
    String name = eventClass.getSimpleName();
    for (String[] subject : SUBJECTS) {
      if (name.startsWith(subject[0]) && name.length() > subject[0].length()) {
        return subject[1] + "." + kebab(name.substring(subject[0].length()));
      }
    }
    throw new IllegalArgumentException("no subject for event type " + name);
  }

  public static String type(ExecutionEvent event) {
    return type(event.getClass());
  }

  public static ObjectNode data(String executionId, SequencedEvent sequenced) {
    ExecutionEvent event = sequenced.event();
    ObjectNode data = Json.mapper().createObjectNode();
    data.put("seq", sequenced.seq());
    data.put("type", type(event));
    data.put("executionId", executionId);
    data.set("at", Json.mapper().valueToTree(event.at()));
    JsonNode fields = Json.mapper().valueToTree(event);
    for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
      var field = it.next();
      if (!LEFT_OUT.contains(field.getKey()) && !field.getValue().isNull()) {
        // A step event's own "type" (its step type) must not hide the event's.
        data.set(field.getKey().equals("type") ? "stepType" : field.getKey(), field.getValue());
      }
    }
    return data;
  }

  private static String kebab(String camel) {
    var out = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('-');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
