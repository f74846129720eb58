package io.ordo.http.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutionListQueryTest {

  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");

  private static long placeholders(String sql) {
    return sql.chars().filter(c -> c == '?').count();
  }

  @Test
  void everyFilterIsAParameterNeverText() {
    var f = new ExecutionFilter("orders'; DROP TABLE executions; --", 2, List.of("FAILED"),
        FROM, FROM.plusSeconds(60), "shop", 20,
        new HistoryCursor(FROM.plusSeconds(30), "id-1"));
    var statement = ExecutionListQuery.statement("default", f);
    assertFalse(statement.sql().contains("DROP"));
    assertEquals(placeholders(statement.sql()), statement.parameters().size());
    assertEquals(List.of("default", f.workflowId(), 2, "FAILED", "shop", FROM,
        FROM.plusSeconds(60), FROM.plusSeconds(30), "id-1", 21), statement.parameters());
  }

  @Test
  void severalStatusesAreOneLimitedScanEachMerged() {
    var f = new ExecutionFilter(null, null, List.of("FAILED", "TIMED_OUT", "CANCELLED"), null,
        null, null, 10, null);
    var statement = ExecutionListQuery.statement("default", f);
    assertEquals(2, statement.sql().split("UNION ALL").length - 1);
    assertEquals(placeholders(statement.sql()), statement.parameters().size());
    assertEquals(List.of("default", "FAILED", 11, "default", "TIMED_OUT", 11, "default",
        "CANCELLED", 11, 11), statement.parameters());
    assertTrue(statement.sql().endsWith("ORDER BY started_at DESC, execution_id DESC LIMIT ?"));
  }
}
