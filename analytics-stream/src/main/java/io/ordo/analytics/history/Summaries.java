package io.ordo.analytics.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.Json;

/** Compact JSON text of a value, and text cut to a length, for the history's summaries. */
final class Summaries {

  static final int MAX_ERROR_CHARS = 2048;

  private Summaries() {}

  static String json(JsonNode value) {
    if (value == null) {
      return null;
    }
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree that cannot be written", e);
    }
  }

  /** Compact JSON cut to {@code max} characters, an ellipsis marking the cut. */
  static String of(JsonNode value, int max) {
    return cut(json(value), max);
  }

  static String cut(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    int end = Math.max(0, max - 1);
    // Never split a surrogate pair: the cut text is stored as valid UTF-8.
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
