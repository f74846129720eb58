package io.ordo.http.dto;

/**
 * A rebuild under way: {@code instances} projection instances restarted from the first event;
 * {@code progress} is where to watch them catch up.
 */
public record HistoryRebuildView(String projection, int instances, String progress) {}
