package io.ordo.engine.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Marker for every message, event and snapshot that crosses a node boundary or reaches the
 * journal. Bound to Jackson CBOR in {@code reference.conf}; Pekko's own CborSerializable is
 * test-only code, so we own the marker.
 *
 * <p>Absent (Java null) fields are left out, so they read back as null rather than as a JSON
 * null: a recovered state must equal the live one, and a JSON null is a legitimate value.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public interface OrdoSerializable {}
