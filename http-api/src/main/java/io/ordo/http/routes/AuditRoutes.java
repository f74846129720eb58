package io.ordo.http.routes;

import io.ordo.engine.runtime.audit.AuditQuery;
import io.ordo.engine.runtime.audit.Caller;
import io.ordo.http.problems.FieldError;
import io.ordo.http.problems.InvalidRequestException;
import io.ordo.http.problems.Problem;
import io.ordo.http.service.AuditFilter;
import io.ordo.http.service.AuditService;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.http.javadsl.model.Query;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /audit}: the workspace's audit log, newest first, filtered by entity, actor, action,
 * correlation id and time ({@code from} inclusive, {@code to} exclusive), keyset-paginated.
 */
public final class AuditRoutes extends ApiRoutes implements ApiResource {

  private final AuditService audit;

  public AuditRoutes(AuditService audit) {
    this.audit = audit;
  }

  public Route routes(Caller caller) {
    return path("audit", () -> get(() -> extractRequest(request ->
        onSuccessJson(audit.list(caller, filter(request.getUri().query())), StatusCodes.OK,
            page -> page))));
  }

  /** The filter the query asks for; every malformed parameter is reported at once. */
  static AuditFilter filter(Query query) {
    var params = new QueryParams(query);
    var errors = new ArrayList<FieldError>();
    Instant from = instant(params, "from", errors);
    Instant to = instant(params, "to", errors);
    if (from != null && to != null && !to.isAfter(from)) {
      errors.add(new FieldError("/to", "must be after from"));
    }
    AuditQuery.Cursor cursor = null;
    String rawCursor = params.text("cursor");
    if (rawCursor != null) {
      try {
        cursor = AuditQuery.Cursor.decode(rawCursor.trim());
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("/cursor",
            "is not a cursor this API gave out: pass nextCursor back unchanged"));
      }
    }
    var filter = new AuditFilter(params.text("entityType"), params.text("entityId"),
        params.text("actor"), params.text("action"), params.text("correlationId"), from, to,
        cursor, params.integer("limit", AuditFilter.DEFAULT_LIMIT, 1, AuditFilter.MAX_LIMIT));
    try {
      params.check();
    } catch (InvalidRequestException e) {
      errors.addAll(0, e.errors());
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(Problem.BASE + "invalid-parameters",
          "Invalid query parameters", errors);
    }
    return filter;
  }

  private static Instant instant(QueryParams params, String name, List<FieldError> errors) {
    String raw = params.text(name);
    if (raw == null) {
      return null;
    }
    try {
      return Instant.parse(raw.trim());
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("/" + name,
          "must be an ISO-8601 timestamp such as 2026-01-31T12:00:00Z, not '" + raw + "'"));
      return null;
    }
  }
}
