package io.ordo.http.routes;

import io.ordo.engine.runtime.lifecycle.ExecutionStatus;
import io.ordo.http.problems.FieldError;
import io.ordo.http.problems.InvalidRequestException;
import io.ordo.http.problems.Problem;
import io.ordo.http.service.ExecutionFilter;
import io.ordo.http.service.HistoryCursor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pekko.http.javadsl.model.Query;

/**
 * The query parameters of the history endpoints: {@link QueryParams} plus timestamps, repeatable
 * lists and cursors, every malformed one reported at once with a {@code /<parameter>} pointer.
 */
final class HistoryParams {

  private static final List<String> STATUSES = Arrays.stream(ExecutionStatus.values())
      .map(Enum::name).toList();

  private final Query query;
  private final QueryParams params;
  private final List<FieldError> errors = new ArrayList<>();

  HistoryParams(Query query) {
    this.query = query;
    this.params = new QueryParams(query);
  }

  /** The filters of {@code GET /executions}. */
  ExecutionFilter executionFilter() {
    String workflowId = params.text("workflowId");
    Integer version = params.integer("version", null, 1, Integer.MAX_VALUE);
    if (version != null && workflowId == null) {
      errors.add(new FieldError("/version", "needs workflowId: versions are per workflow"));
    }
    List<String> statuses = statuses();
    Instant from = instant("from");
    Instant to = instant("to");
    int limit = params.integer("limit", ExecutionFilter.DEFAULT_LIMIT, 1,
        ExecutionFilter.MAX_LIMIT);
    HistoryCursor cursor = cursor();
    String triggeredBy = params.text("triggeredBy");
    check(from, to);
    return new ExecutionFilter(workflowId, version, statuses, from, to, triggeredBy, limit,
        cursor);
  }

  Integer integer(String name, Integer fallback, int min, int max) {
    return params.integer(name, fallback, min, max);
  }

  /** An ISO-8601 instant such as {@code 2026-01-31T12:00:00Z} (an offset instead of Z is fine). */
  Instant instant(String name) {
    String raw = params.text(name);
    if (raw == null) {
      return null;
    }
    try {
      // An unencoded '+' of an offset arrives as a space.
      return Instant.parse(raw.trim().replace(' ', '+'));
    } catch (DateTimeParseException e) {
      errors.add(new FieldError("/" + name,
          "must be an ISO-8601 timestamp such as 2026-01-31T12:00:00Z, not '" + raw + "'"));
      return null;
    }
  }

  /** {@code status} repeated, comma-separated, or both. */
  private List<String> statuses() {
    var statuses = new ArrayList<String>();
    for (String value : query.getAll("status")) {
      for (String part : value.split(",")) {
        String status = part.trim().toUpperCase();
        if (status.isEmpty()) {
          continue;
        }
        if (!STATUSES.contains(status)) {
          errors.add(new FieldError("/status", "must be one of " + STATUSES + ", not '"
              + part.trim() + "'"));
        } else if (!statuses.contains(status)) {
          statuses.add(status);
        }
      }
    }
    return statuses;
  }

  private HistoryCursor cursor() {
    String raw = params.text("cursor");
    if (raw == null) {
      return null;
    }
    return HistoryCursor.decode(raw.trim()).orElseGet(() -> {
      errors.add(new FieldError("/cursor",
          "is not a cursor this API gave out: pass nextCursor back unchanged"));
      return null;
    });
  }

  void check(Instant from, Instant to) {
    if (from != null && to != null && !to.isAfter(from)) {
      errors.add(new FieldError("/to", "must be after from"));
    }
    check();
  }

  /** Throws every collected error, {@link QueryParams}' and ours, in one problem. */
  void check() {
    var all = new ArrayList<FieldError>();
    try {
      params.check();
    } catch (InvalidRequestException e) {
      all.addAll(e.errors());
    }
    all.addAll(errors);
    if (!all.isEmpty()) {
      throw new InvalidRequestException(Problem.BASE + "invalid-parameters",
          "Invalid query parameters", all);
    }
  }
}
