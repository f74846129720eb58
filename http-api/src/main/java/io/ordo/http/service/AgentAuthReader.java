package io.ordo.http.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.ordo.engine.model.JsonPointers;
import io.ordo.engine.runtime.agents.AgentAuth;
import io.ordo.engine.runtime.agents.AgentRecord;
import io.ordo.http.problems.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the {@code auth} object of an agent body. The secret field of each type (token,
 * password, value) may be left out of a replacement to keep the stored secret, as long as the
 * type stays the same. Messages name fields, never their values.
 */
final class AgentAuthReader {

  /** The fields each type takes besides {@code type}; the last one is the secret. */
  private static final Map<AgentAuth.Type, List<String>> FIELDS = Map.of(
      AgentAuth.Type.NONE, List.of(),
      AgentAuth.Type.BEARER, List.of("token"),
      AgentAuth.Type.BASIC, List.of("username", "password"),
      AgentAuth.Type.API_KEY, List.of("header", "value"));
  private static final Set<String> ALL = Set.of("type", "token", "username", "password",
      "header", "value");
  // An RFC 9110 field name.
  private static final Pattern HEADER = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,255}");
  // Headers the HTTP client sets itself; a key sent in one of them would be dropped.
  private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-type",
      "content-length", "transfer-encoding", "connection", "expect", "upgrade", "te", "trailer",
      "keep-alive", "date", "user-agent", "proxy-connection");
  private static final int MAX_SECRET = 4096;

  private AgentAuthReader() {}

  /** The auth object; NONE when absent. {@code current} is the agent a PUT replaces. */
  static AgentAuth read(JsonNode auth, AgentRecord current, List<FieldError> errors) {
    if (auth == null) {
      return AgentAuth.NONE;
    }
    if (!auth.isObject()) {
      errors.add(new FieldError("/auth", "must be an object"));
      return null;
    }
    AgentAuth.Type type = type(auth.get("type"), errors);
    List<String> fields = type == null ? List.of() : FIELDS.get(type);
    auth.fieldNames().forEachRemaining(name -> {
      if (!ALL.contains(name)) {
        errors.add(new FieldError(JsonPointers.child("/auth", name), "unknown field"));
      } else if (type != null && !name.equals("type") && !fields.contains(name)) {
        errors.add(new FieldError("/auth/" + name, "does not apply to type " + type
            + (fields.isEmpty() ? "" : " (it takes " + String.join(", ", fields) + ")")));
      }
    });
    if (type == null) {
      return null;
    }
    int before = errors.size();
    String username = null;
    String header = null;
    if (type == AgentAuth.Type.BASIC) {
      username = AgentRequests.text(required(auth, "username", type, errors),
          "/auth/username", 255, false, errors);
      if (username != null && username.indexOf(':') >= 0) {
        errors.add(new FieldError("/auth/username", "must not contain ':' (RFC 7617)"));
      }
    }
    if (type == AgentAuth.Type.API_KEY) {
      JsonNode name = required(auth, "header", type, errors);
      if (name != null && !(name.isTextual() && HEADER.matcher(name.textValue()).matches())) {
        errors.add(new FieldError("/auth/header", "must be an HTTP header name"));
      } else if (name != null && RESERVED_HEADERS.contains(name.textValue().toLowerCase())) {
        errors.add(new FieldError("/auth/header", "must not be one of "
            + new TreeSet<>(RESERVED_HEADERS) + ", which the HTTP client sets itself"));
      } else if (name != null) {
        header = name.textValue();
      }
    }
    String secret = type.hasSecret() ? secret(auth, type, current, errors) : null;
    return errors.size() == before ? new AgentAuth(type, username, header, secret) : null;
  }

  private static AgentAuth.Type type(JsonNode value, List<FieldError> errors) {
    if (value == null || value.isNull()) {
      errors.add(new FieldError("/auth/type", "missing required field 'type'"));
      return null;
    }
    if (value.isTextual()) {
      for (AgentAuth.Type type : AgentAuth.Type.values()) {
        if (type.name().equals(value.textValue())) {
          return type;
        }
      }
    }
    errors.add(new FieldError("/auth/type", "must be one of NONE, BEARER, BASIC, API_KEY"));
    return null;
  }

  /** The secret, or null to keep the stored one (only a PUT that keeps the type may). */
  private static String secret(JsonNode auth, AgentAuth.Type type, AgentRecord current,
      List<FieldError> errors) {
    List<String> fields = FIELDS.get(type);
    String field = fields.get(fields.size() - 1);
    String pointer = "/auth/" + field;
    JsonNode value = AgentRequests.value(auth, field);
    if (value == null) {
      boolean keep = current != null && current.authType() == type && current.secretSet();
      if (!keep) {
        errors.add(new FieldError(pointer, current == null
            ? "missing required field '" + field + "' for type " + type
            : "required when the auth type changes: the stored secret belongs to type "
                + current.authType()));
      }
      return null;
    }
    String secret = value.isTextual() ? value.textValue() : null;
    // A token or key goes into a header as it is, so it must be printable ASCII; a password is
    // encoded (Base64 of UTF-8) and may be any text without control characters.
    boolean asciiOnly = type != AgentAuth.Type.BASIC;
    if (secret == null || secret.isEmpty() || secret.length() > MAX_SECRET
        || secret.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f || (asciiOnly && ch > 0x7e))) {
      errors.add(new FieldError(pointer, "must be a string of 1 to " + MAX_SECRET + (asciiOnly
          ? " printable ASCII characters" : " characters without control characters")));
      return null;
    }
    return secret;
  }

  private static JsonNode required(JsonNode auth, String field, AgentAuth.Type type,
      List<FieldError> errors) {
    JsonNode value = AgentRequests.value(auth, field);
    if (value == null) {
      errors.add(new FieldError("/auth/" + field, "missing required field '" + field
          + "' for type " + type));
    }
    return value;
  }
}
