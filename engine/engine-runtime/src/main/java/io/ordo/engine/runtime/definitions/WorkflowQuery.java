package io.ordo.engine.runtime.definitions;

/**
 * A page of workflows: {@code search} matches id or name (case-insensitive), {@code sort} is
 * one of id, name, createdAt, updatedAt, {@code descending} reverses it.
 */
public record WorkflowQuery(String search, boolean includeArchived, String sort,
    boolean descending, int limit, int offset) {

  public static final int MAX_LIMIT = 500;

  public String orderColumn() {
    switch (sort == null ? "id" : sort) {
      case "name":
        return "name";
      case "createdAt":
        return "created_at";
      case "updatedAt":
        return "updated_at";
      default:
        return "workflow_id";
    }
  }
}
