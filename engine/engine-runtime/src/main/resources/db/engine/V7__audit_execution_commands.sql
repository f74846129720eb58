-- Execution commands are audited by a projection over the journal (audit-executions). Each of
-- its rows names the event it came from (event_seq); the unique key makes writing an event twice
-- impossible, even if the projection's offsets were reset. Rows written by changes in their own
-- transaction (workflows, agents, breakers) leave event_seq null and are not constrained.
ALTER TABLE audit_log ADD COLUMN event_seq BIGINT;

CREATE UNIQUE INDEX audit_log_event_idx ON audit_log (entity_type, entity_id, event_seq)
  WHERE event_seq IS NOT NULL;

-- GET /api/v1/audit pages newest first with a keyset on (at, id), optionally by actor.
CREATE INDEX audit_log_at_id_idx ON audit_log (workspace_id, at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (workspace_id, actor, at DESC, id DESC);
-- Everything one request changed (GET /api/v1/audit?correlationId=...).
CREATE INDEX audit_log_correlation_idx ON audit_log (workspace_id, correlation_id)
  WHERE correlation_id IS NOT NULL;
DROP INDEX audit_log_at_idx;
