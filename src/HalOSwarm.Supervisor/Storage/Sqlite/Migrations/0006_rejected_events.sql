-- Agent events the supervisor refused (an invalid type or data, a session of another node): never stored or applied,
-- but their seqs count as received so the agent's outbox moves on. The node row keeps how many and the last reason.
ALTER TABLE nodes ADD COLUMN rejected_events INTEGER NOT NULL DEFAULT 0;
ALTER TABLE nodes ADD COLUMN last_rejection TEXT;
ALTER TABLE nodes ADD COLUMN last_rejection_at TEXT;
