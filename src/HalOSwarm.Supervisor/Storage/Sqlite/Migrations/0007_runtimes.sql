-- Runtimes beyond opencode: each node's runtimes with their versions (or why one is unavailable); each session's
-- activity state (finer than its status), progress, whether it was adopted, its git worktree, and when a provider
-- rate limit that stopped it resets.
ALTER TABLE nodes ADD COLUMN runtime_details_json TEXT NOT NULL DEFAULT '[]';
ALTER TABLE sessions ADD COLUMN activity_state TEXT;
ALTER TABLE sessions ADD COLUMN activity_detail TEXT;
ALTER TABLE sessions ADD COLUMN progress REAL;
ALTER TABLE sessions ADD COLUMN adopted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN worktree TEXT;
ALTER TABLE sessions ADD COLUMN branch TEXT;
ALTER TABLE sessions ADD COLUMN rate_limit_reset_at TEXT;
