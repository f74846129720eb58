package io.ordo.http.problems;

/** One violation in a request: a JSON pointer into the body (or a query parameter's name). */
public record FieldError(String pointer, String message) {}
