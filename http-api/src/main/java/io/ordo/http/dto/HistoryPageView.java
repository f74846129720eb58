package io.ordo.http.dto;

import java.util.List;

/** A page of a keyset listing: pass {@code nextCursor} back as {@code cursor}; null at the end. */
public record HistoryPageView<T>(List<T> items, String nextCursor) {}
