package io.ordo.engine.model;

/**
 * Builds RFC 6901 JSON pointers. A pointer is kept as its string form; {@code ""} is the whole
 * document and every token is escaped ({@code ~} as {@code ~0}, {@code /} as {@code ~1}).
 */
public final class JsonPointers {

  private JsonPointers() {
  }

  public static String child(String parent, String name) {
    return parent + "/" + escape(name);
  }

  public static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /** Escapes one reference token; order matters so that "~1" in a name stays distinguishable. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
