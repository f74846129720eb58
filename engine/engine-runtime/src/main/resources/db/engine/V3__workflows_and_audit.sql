-- Workflow definitions: one row per workflow, one immutable row per version. The definition is
-- kept as submitted (json, not jsonb, so key order survives a round trip).
CREATE TABLE workflows (
  workspace_id VARCHAR(64) NOT NULL,
  workflow_id VARCHAR(128) NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  latest_version INTEGER NOT NULL,
  archived BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (workspace_id, workflow_id)
);

CREATE INDEX workflows_updated_idx ON workflows (workspace_id, updated_at DESC);

CREATE TABLE workflow_versions (
  workspace_id VARCHAR(64) NOT NULL,
  workflow_id VARCHAR(128) NOT NULL,
  version INTEGER NOT NULL,
  definition JSON NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  created_by VARCHAR(255),
  PRIMARY KEY (workspace_id, workflow_id, version),
  FOREIGN KEY (workspace_id, workflow_id) REFERENCES workflows (workspace_id, workflow_id)
);

-- Every mutation and execution command, written in the transaction of the change it records.
CREATE TABLE audit_log (
  id BIGSERIAL PRIMARY KEY,
  workspace_id VARCHAR(64) NOT NULL,
  at TIMESTAMPTZ NOT NULL,
  actor VARCHAR(255) NOT NULL,
  action VARCHAR(64) NOT NULL,
  entity_type VARCHAR(64) NOT NULL,
  entity_id VARCHAR(255) NOT NULL,
  correlation_id VARCHAR(128),
  details JSONB
);

CREATE INDEX audit_log_entity_idx ON audit_log (workspace_id, entity_type, entity_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (workspace_id, at);
