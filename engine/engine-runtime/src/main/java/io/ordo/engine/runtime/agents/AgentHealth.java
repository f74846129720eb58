package io.ordo.engine.runtime.agents;

import java.time.Instant;

/**
 * The outcome of an agent's last health check; {@link #UNKNOWN} until one has run.
 *
 * @param httpStatus the agent's answer, null when none came (refused, timed out)
 * @param detail a human account of the outcome; never contains credentials
 */
public record AgentHealth(Status status, Integer httpStatus, Instant checkedAt, Long latencyMs,
    String detail) {

  /** UP: the health path answered 2xx. DOWN: anything else. */
  public enum Status { UNKNOWN, UP, DOWN }

  public static final AgentHealth UNKNOWN = new AgentHealth(Status.UNKNOWN, null, null, null,
      null);
}
