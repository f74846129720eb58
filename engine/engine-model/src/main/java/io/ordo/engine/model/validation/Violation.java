package io.ordo.engine.model.validation;

/**
 * One problem of a definition.
 *
 * @param pointer RFC 6901 pointer to the most specific offending field ({@code ""} for the
 *     document itself)
 */
public record Violation(String pointer, String message) {
}
