package io.ordo.engine.model.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations during one parse. Parsers remember {@link #mark()} before reading a part
 * and build its model only if {@link #noneSince} holds, so a broken field never yields a
 * half-built record.
 */
final class Violations {

  private final List<Violation> list = new ArrayList<>();

  void add(String pointer, String message) {
    list.add(new Violation(pointer, message));
  }

  void addAll(List<Violation> violations) {
    list.addAll(violations);
  }

  int mark() {
    return list.size();
  }

  boolean noneSince(int mark) {
    return list.size() == mark;
  }

  boolean isEmpty() {
    return list.isEmpty();
  }

  List<Violation> list() {
    return List.copyOf(list);
  }
}
