package io.ordo.http.dto;

/** The answer of a successful dry run. */
public record ValidationView(boolean valid, String workflowId, int steps) {}
