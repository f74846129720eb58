-- The history read side (analytics-stream, projection "history"): one row per execution, one
-- per step or FOR_EACH item, one per recorded artifact. Derived from the journal and rebuildable
-- from it (POST /api/v1/admin/projections/history/rebuild), so nothing here is the source of
-- truth. Every time is an event's own time, never the projection's clock, so a replay writes
-- the same rows. Summaries are compact JSON cut at a configured length (not always valid JSON).
-- Free text that the engine does not bound (names, content types, error classes) is TEXT: a
-- value too long for its column would stop the projection for good.
CREATE TABLE executions (
  execution_id VARCHAR(64) PRIMARY KEY,
  workspace_id VARCHAR(64) NOT NULL,
  workflow_id VARCHAR(128) NOT NULL,
  version INTEGER NOT NULL,
  status VARCHAR(16) NOT NULL,
  triggered_by TEXT,
  idempotency_key TEXT,
  parent_execution_id VARCHAR(64),
  started_at TIMESTAMPTZ NOT NULL,
  ended_at TIMESTAMPTZ,
  duration_ms BIGINT,
  error_class TEXT,
  error_message TEXT,
  error_step_id VARCHAR(128),
  input_summary TEXT,
  output_summary TEXT,
  retries INTEGER NOT NULL DEFAULT 0,
  step_count INTEGER NOT NULL DEFAULT 0,
  updated_at TIMESTAMPTZ NOT NULL,
  -- The journal sequence number of the last event folded in: an event at or below it is a
  -- redelivery and changes nothing, so no counter counts twice.
  last_seq BIGINT NOT NULL
);

-- GET /executions pages newest first with a keyset (started_at, execution_id) inside one
-- workspace. Each filter gets an index that leads with its equality columns and ends with the
-- keyset, so a page is a short index range scan however many rows match, with no sort. Several
-- statuses are one such scan per status, merged. A version filter rides on the workflow index.
CREATE INDEX executions_recent_idx
  ON executions (workspace_id, started_at DESC, execution_id DESC);
CREATE INDEX executions_workflow_idx
  ON executions (workspace_id, workflow_id, started_at DESC, execution_id DESC);
CREATE INDEX executions_workflow_status_idx
  ON executions (workspace_id, workflow_id, status, started_at DESC, execution_id DESC);
CREATE INDEX executions_status_idx
  ON executions (workspace_id, status, started_at DESC, execution_id DESC);
CREATE INDEX executions_trigger_idx
  ON executions (workspace_id, triggered_by, started_at DESC, execution_id DESC);

-- item is the FOR_EACH index, -1 for the step itself (a primary key column cannot be null).
-- first_seq is the journal sequence number of the row's first event: the order of appearance.
-- error_* describe the latest failed attempt and stay when a later attempt succeeds.
CREATE TABLE execution_steps (
  execution_id VARCHAR(64) NOT NULL,
  step_id VARCHAR(128) NOT NULL,
  item INTEGER NOT NULL,
  type VARCHAR(32),
  status VARCHAR(16) NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  retry_count INTEGER NOT NULL DEFAULT 0,
  started_at TIMESTAMPTZ,
  ended_at TIMESTAMPTZ,
  duration_ms BIGINT,
  error_class TEXT,
  error_message TEXT,
  error_retryable BOOLEAN,
  error_attempt INTEGER,
  error_at TIMESTAMPTZ,
  input_summary TEXT,
  output_summary TEXT,
  skip_reason VARCHAR(32),
  due_at TIMESTAMPTZ,
  first_seq BIGINT NOT NULL,
  PRIMARY KEY (execution_id, step_id, item)
);

-- Recording the same artifact name again (a step run again after an execution retry) replaces
-- it; seq is the journal sequence number of the recording, the artifacts' order. content is the
-- value as compact JSON text (jsonb would reorder its keys), value_type its JSON type.
CREATE TABLE execution_artifacts (
  execution_id VARCHAR(64) NOT NULL,
  step_id VARCHAR(128) NOT NULL,
  item INTEGER NOT NULL,
  name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  value_type VARCHAR(8) NOT NULL,
  size_bytes BIGINT NOT NULL,
  content TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY (execution_id, step_id, item, name)
);
