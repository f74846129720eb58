package io.ordo.engine.runtime.agents;

/**
 * A page of agents: {@code search} matches id or name (case-insensitive), {@code enabled}
 * filters when not null, {@code sort} is one of id, name, updatedAt.
 */
public record AgentQuery(String search, Boolean enabled, String sort, boolean descending,
    int limit, int offset) {

  public static final int MAX_LIMIT = 500;

  String orderColumn() {
    switch (sort == null ? "id" : sort) {
      case "name":
        return "name";
      case "updatedAt":
        return "updated_at";
      default:
        return "agent_id";
    }
  }
}
