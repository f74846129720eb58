package io.ordo.engine.runtime;

/**
 * Marker for every message, event and snapshot that crosses a node boundary or reaches the
 * journal. Bound to Jackson CBOR in {@code reference.conf}; Pekko's own CborSerializable is
 * test-only code, so we own the marker.
 */
public interface OrdoSerializable {}
