package io.ordo.engine.runtime.execution;

import io.ordo.engine.runtime.OrdoSerializable;
import java.time.Instant;

/**
 * An execution's answer to a wake-up: when it next needs one. {@code parked} means nothing is
 * running, so only its timers (or a signal) can move it on; {@code ended} that it needs none.
 */
public record WakeUpReply(Instant nextWakeAt, boolean parked, boolean ended)
    implements OrdoSerializable {}
