package io.ordo.engine.runtime.execution;

/**
 * Error replies of the execution entity carry a kind prefix, so a caller on any node can tell a
 * conflict from a missing execution without a serializable exception type.
 */
public final class Rejections {

  /** The kinds of rejection; the API maps each to one HTTP status. */
  public enum Kind { NOT_FOUND, CONFLICT, UNPROCESSABLE }

  private Rejections() {}

  public static String of(Kind kind, String message) {
    return kind.name() + ": " + message;
  }

  /** The kind a rejection message carries, CONFLICT when it carries none. */
  public static Kind kindOf(String message) {
    for (Kind kind : Kind.values()) {
      if (message != null && message.startsWith(kind.name() + ": ")) {
        return kind;
      }
    }
    return Kind.CONFLICT;
  }

  public static String messageOf(String message) {
    Kind kind = kindOf(message);
    String prefix = kind.name() + ": ";
    return message != null && message.startsWith(prefix) ? message.substring(prefix.length())
        : message;
  }
}
