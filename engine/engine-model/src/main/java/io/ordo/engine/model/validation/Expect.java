package io.ordo.engine.model.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * What a template must yield. Only a constant template can be checked when the definition is
 * saved; one with expressions is checked by the runtime when it evaluates it.
 */
enum Expect {
  ANY {
    @Override
    String problem(JsonNode value) {
      return null;
    }
  },
  BOOLEAN {
    @Override
    String problem(JsonNode value) {
      return value.isBoolean() ? null : "must yield a boolean, not " + describe(value);
    }
  },
  ARRAY {
    @Override
    String problem(JsonNode value) {
      return value.isArray() ? null : "must yield an array, not " + describe(value);
    }
  },
  STRING {
    @Override
    String problem(JsonNode value) {
      return value.isTextual() ? null : "must yield a string, not " + describe(value);
    }
  },
  HTTP_URL {
    @Override
    String problem(JsonNode value) {
      return value.isTextual() && isHttpUrl(value.textValue()) ? null
          : "must be an absolute http(s) URL";
    }
  },
  DURATION {
    @Override
    String problem(JsonNode value) {
      return value.isTextual() ? Durations.problem(value.textValue(), false)
          : Durations.INVALID;
    }
  },
  TIMESTAMP {
    @Override
    String problem(JsonNode value) {
      if (value.isIntegralNumber() && value.canConvertToLong()) {
        return null;
      }
      return value.isTextual() && isTimestamp(value.textValue()) ? null
          : "must be an ISO-8601 timestamp such as 2026-12-01T09:00:00Z, or epoch milliseconds";
    }
  };

  /** Why the constant {@code value} cannot be used, or null when it can. */
  abstract String problem(JsonNode value);

  private static String describe(JsonNode value) {
    return value.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static boolean isHttpUrl(String text) {
    try {
      URI uri = new URI(text);
      return uri.getScheme() != null && uri.getHost() != null
          && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"));
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean isTimestamp(String text) {
    try {
      OffsetDateTime.parse(text);
      return true;
    } catch (DateTimeParseException notOffset) {
      try {
        Instant.parse(text);
        return true;
      } catch (DateTimeParseException notInstant) {
        return false;
      }
    }
  }
}
