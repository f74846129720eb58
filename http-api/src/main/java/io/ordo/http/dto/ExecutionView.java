package io.ordo.http.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** An execution as the API shows it: its steps in definition order, pending ones included. */
public record ExecutionView(String id, String workflowId, int version, String status,
    JsonNode input, JsonNode output, ErrorView error, String triggeredBy, String idempotencyKey,
    Instant startedAt, Instant completedAt, Instant deadline, List<String> goalsReached,
    List<StepView> steps) {}
