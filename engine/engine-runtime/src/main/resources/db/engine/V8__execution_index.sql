-- The wake-up index and the audit of execution commands now read the journal once, as the one
-- projection "execution-index". It starts from the beginning of the journal, which both of its
-- handlers are safe to replay; the offsets of the two projections it replaces would otherwise
-- be reported as lagging for ever.
DELETE FROM pekko_projection_offset_store
  WHERE projection_name IN ('wakeup-index', 'audit-executions');
