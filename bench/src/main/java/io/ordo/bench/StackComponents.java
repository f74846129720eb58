package io.ordo.bench;

import java.util.List;

/**
 * Attributes a CPU sample to the part of the node that caused it, from the frames on its stack
 * ({@code class.method}): the first component in priority order that any frame belongs to wins.
 * So CBOR decoding called by a projection's read counts as reading the journal back, and Jackson
 * called by a route counts as HTTP.
 */
public final class StackComponents {

  /** A component and the {@code class.method} prefixes that mark it. */
  record Component(String name, List<String> prefixes) {
    boolean marks(String frame) {
      for (String p : prefixes) {
        if (frame.startsWith(p)) {
          return true;
        }
      }
      return false;
    }
  }

  static final String PEKKO = "org.apache.pekko.";

  /** In priority order. */
  static final List<Component> COMPONENTS = List.of(
      new Component("entity start: snapshot and replay queries (also for a new execution)",
          List.of(PEKKO + "persistence.typed.internal.ReplayingSnapshot",
              PEKKO + "persistence.typed.internal.ReplayingEvents",
              PEKKO + "persistence.jdbc.snapshot.", PEKKO + "persistence.snapshot.",
              PEKKO + "persistence.jdbc.journal.JdbcAsyncWriteJournal.asyncReplayMessages",
              PEKKO + "persistence.jdbc.journal.JdbcAsyncWriteJournal.asyncReadHighestSequenceNr")),
      new Component("reading events back: projections (eventsByTag, decode, handlers, offsets)",
          List.of(PEKKO + "projection.", PEKKO + "persistence.jdbc.query.",
              PEKKO + "persistence.jdbc.PekkoSerialization$.fromRow", "io.ordo.analytics.",
              "io.ordo.engine.runtime.projection.", "io.ordo.engine.runtime.audit.")),
      new Component("journal write: encode, insert event and tag rows",
          List.of(PEKKO + "persistence.jdbc.journal.", PEKKO + "persistence.jdbc.PekkoSerialization",
              PEKKO + "persistence.journal.")),
      new Component("HTTP: parse, route, JSON in and out",
          List.of(PEKKO + "http.", "io.ordo.http.", "org.parboiled2.")),
      new Component("execution entity: decide, apply, persist (incl. jq)",
          List.of("io.ordo.engine.runtime.execution.", "io.ordo.engine.model.",
              PEKKO + "persistence.typed.")),
      new Component("sharding: route to and start entities", List.of(PEKKO + "cluster.sharding.")),
      new Component("wake-ups, definitions, other engine code", List.of("io.ordo.")),
      new Component("JDBC on the journal's own threads (Slick; the caller is not on the stack)",
          List.of("slick.", "com.zaxxer.hikari.", "org.postgresql.")),
      new Component("cluster, remoting", List.of(PEKKO + "cluster.", PEKKO + "remote.")),
      new Component("logging", List.of("ch.qos.logback.", PEKKO + "event.", "org.slf4j.")),
      new Component("actors, streams, scheduling (nothing above on the stack)",
          List.of(PEKKO, "scala.concurrent.", "java.util.concurrent.")));

  static final String OTHER = "other";

  private StackComponents() {}

  /** {@code frames}: "class.method" of each frame, top (leaf) first. */
  public static String classify(List<String> frames) {
    for (Component c : COMPONENTS) {
      for (String frame : frames) {
        if (c.marks(frame)) {
          return c.name();
        }
      }
    }
    return OTHER;
  }
}
