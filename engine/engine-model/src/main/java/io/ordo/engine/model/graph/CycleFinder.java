package io.ordo.engine.model.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Johnson's algorithm for elementary cycles: for each start node s in definition order, the
 * cycles through s that use only nodes not before s. Every cycle is thus found exactly once, from
 * its earliest member, and the blocking lists keep the search polynomial between two cycles. The
 * limit bounds the output, as a dense graph can have exponentially many cycles.
 */
final class CycleFinder {

  private final StepGraph graph;
  private final int limit;
  private final List<List<String>> cycles = new ArrayList<>();
  private final Deque<String> path = new ArrayDeque<>();
  private final Set<String> blocked = new HashSet<>();
  private final Map<String, Set<String>> blockedBy = new HashMap<>();
  private int start;

  CycleFinder(StepGraph graph, int limit) {
    this.graph = graph;
    this.limit = limit;
  }

  List<List<String>> find() {
    for (start = 0; start < graph.nodes().size() && cycles.size() < limit; start++) {
      blocked.clear();
      blockedBy.clear();
      circuit(graph.nodes().get(start));
    }
    return List.copyOf(cycles);
  }

  private boolean circuit(String node) {
    boolean closed = false;
    path.addLast(node);
    blocked.add(node);
    for (String next : graph.successors(node)) {
      if (cycles.size() >= limit) {
        break;
      }
      if (graph.indexOf(next) < start) {
        continue;
      }
      if (graph.indexOf(next) == start) {
        cycles.add(List.copyOf(path));
        closed = true;
      } else if (!blocked.contains(next) && circuit(next)) {
        closed = true;
      }
    }
    if (closed) {
      unblock(node);
    } else {
      for (String next : graph.successors(node)) {
        if (graph.indexOf(next) >= start) {
          blockedBy.computeIfAbsent(next, n -> new HashSet<>()).add(node);
        }
      }
    }
    path.removeLast();
    return closed;
  }

  private void unblock(String node) {
    Deque<String> pending = new ArrayDeque<>();
    pending.push(node);
    while (!pending.isEmpty()) {
      String current = pending.pop();
      if (blocked.remove(current)) {
        Set<String> waiting = blockedBy.remove(current);
        if (waiting != null) {
          waiting.forEach(pending::push);
        }
      }
    }
  }
}
