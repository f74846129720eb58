-- Registered agents. auth_username (BASIC) and auth_header (API_KEY) are public; auth_secret
-- (bearer token, password or API key value) is write-only: only the code that calls the agent
-- reads it back, never the API's views. The last health check is kept with the agent.
CREATE TABLE agents (
  workspace_id VARCHAR(64) NOT NULL,
  agent_id VARCHAR(128) NOT NULL,
  name TEXT NOT NULL,
  description TEXT,
  base_url VARCHAR(2048) NOT NULL,
  auth_type VARCHAR(16) NOT NULL DEFAULT 'NONE'
    CHECK (auth_type IN ('NONE', 'BEARER', 'BASIC', 'API_KEY')),
  auth_username VARCHAR(255),
  auth_header VARCHAR(255),
  auth_secret TEXT,
  -- ISO-8601 duration as submitted (PT30S), and a retry policy object as in the workflow DSL.
  default_timeout VARCHAR(64),
  default_retry JSON,
  health_path VARCHAR(1024) NOT NULL DEFAULT '/health',
  enabled BOOLEAN NOT NULL DEFAULT TRUE,
  health_status VARCHAR(16) NOT NULL DEFAULT 'UNKNOWN'
    CHECK (health_status IN ('UNKNOWN', 'UP', 'DOWN')),
  health_http_status INTEGER,
  health_checked_at TIMESTAMPTZ,
  health_latency_ms BIGINT,
  health_detail TEXT,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (workspace_id, agent_id)
);

CREATE INDEX agents_updated_idx ON agents (workspace_id, updated_at DESC);
