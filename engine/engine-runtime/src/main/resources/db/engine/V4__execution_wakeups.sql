-- One row per execution that has not ended: when it next needs waking if no node holds it in
-- memory. Kept by the wake-up index projection and the wake-up poller (see docs/architecture.md).
CREATE TABLE execution_wakeups (
  execution_id VARCHAR(64) PRIMARY KEY,
  bucket INTEGER NOT NULL,
  wake_at TIMESTAMPTZ NOT NULL,
  parked BOOLEAN NOT NULL DEFAULT FALSE,
  -- Bumped by every projection update, so the poller never overwrites a wake-up it did not see.
  rev BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX execution_wakeups_due_idx ON execution_wakeups (bucket, wake_at);
