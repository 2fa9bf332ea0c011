-- Credentials pushed to nodes (POST /api/v1/credentials/push), one row per version of a node's tool. The secret part
-- (an auth file's content or NAME=VALUE pairs) is AES-256-GCM: `sealed` is ciphertext + 16-byte tag, `nonce` 12 random
-- bytes per row, `key_id` names the credentials key that sealed it; node, tool, version and kind are the associated data.
CREATE TABLE credentials (
    node_id    TEXT    NOT NULL,
    tool       TEXT    NOT NULL,           -- opencode | claude-code | codex
    version    INTEGER NOT NULL,           -- 1, 2, … per node and tool
    kind       TEXT    NOT NULL,           -- file | env
    key_id     TEXT    NOT NULL,
    nonce      BLOB    NOT NULL,
    sealed     BLOB    NOT NULL,
    created_at TEXT    NOT NULL,
    created_by TEXT    NOT NULL,
    PRIMARY KEY (node_id, tool, version)
) WITHOUT ROWID;
