-- The dashboard's fleet page lists sessions "needs attention first": this index holds that order, so a page of
-- 20,000 sessions is an index walk, not a sort. The expression must stay the same as FleetOrder.RankSql.
CREATE INDEX ix_sessions_fleet ON sessions (
    (CASE WHEN activity_state = 'waiting_for_input' THEN 0
          WHEN status = 'error' OR activity_state = 'error' THEN 1
          WHEN status = 'unreachable' OR activity_state = 'stuck' THEN 2
          WHEN status IN ('starting', 'running') THEN 3
          WHEN status = 'idle' THEN 4
          ELSE 5 END),
    last_activity_at DESC, session_id DESC);
