package io.ordo.engine.runtime.definitions;

import java.util.List;

/** One page of a listing, with the total the filter matches. */
public record Page<T>(List<T> items, long total, int limit, int offset) {}
