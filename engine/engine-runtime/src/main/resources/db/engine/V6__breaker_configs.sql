-- Circuit breaker configurations set through the API (the live states are replicated in memory
-- across the cluster; these survive a full restart).
CREATE TABLE breaker_configs (
  breaker_id VARCHAR(300) PRIMARY KEY,
  config JSON NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL,
  updated_by VARCHAR(255)
);
