package io.ordo.http.telemetry;

import java.util.Set;

/**
 * A request path with its identifiers replaced by {@code {id}}, for metric tags and logs:
 * {@code /api/v1/executions/7f3c.../cancel} becomes {@code /api/v1/executions/{id}/cancel}.
 * Every segment that is not one of the API's own words counts as an identifier, so the number
 * of templates stays bounded whatever paths clients send.
 */
public final class RouteTemplates {

  private static final Set<String> WORDS = Set.of("api", "v1", "workflows", "executions",
      "agents", "circuit-breakers", "signals", "versions", "execute", "validate", "health",
      "ready", "live", "logs", "artifacts", "timeline", "steps", "events", "retry", "resume",
      "reset", "pause", "cancel", "admin", "history", "projections", "rebuild", "audit",
      "metrics", "openapi.json", "docs", "import", "export");
  private static final int MAX_SEGMENTS = 8;

  private RouteTemplates() {}

  public static String of(String path) {
    if (path.equals("/docs") || path.startsWith("/docs/")) {
      return "/docs/**";
    }
    StringBuilder template = new StringBuilder();
    String[] segments = path.split("/");
    int kept = 0;
    for (String segment : segments) {
      if (segment.isEmpty()) {
        continue;
      }
      if (++kept > MAX_SEGMENTS) {
        return template.append("/**").toString();
      }
      template.append('/').append(WORDS.contains(segment) ? segment : "{id}");
    }
    return template.length() == 0 ? "/" : template.toString();
  }
}
