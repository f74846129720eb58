package io.ordo.engine.runtime.definitions;

import java.time.Instant;

public record VersionInfo(int version, Instant createdAt, String createdBy) {}
