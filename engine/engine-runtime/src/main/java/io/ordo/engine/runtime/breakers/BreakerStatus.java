package io.ordo.engine.runtime.breakers;

/** CLOSED lets calls through; OPEN refuses them; HALF_OPEN lets a few probes test the way. */
public enum BreakerStatus { CLOSED, OPEN, HALF_OPEN }
