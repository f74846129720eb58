package io.ordo.http.dto;

import java.util.List;

/** A page of a listing: {@code total} is how many match the filter. */
public record PageView<T>(List<T> items, long total, int limit, int offset) {}
