-- Full-text search over the text of stored events (docs/ARCHITECTURE.md, Search). One row per indexed event, its rowid
-- the event's id; the columns after text are not indexed, they filter hits and link them back. Filled by the search
-- indexer from the event feed, never on the ingest path. porter over unicode61 (diacritics removed): "failed" finds
-- "failing", "cafe" finds "café"; identifiers split at punctuation ("my_func" is the phrase "my func").
CREATE VIRTUAL TABLE search_index USING fts5(
    text,
    session_id UNINDEXED,
    node_id UNINDEXED,
    project UNINDEXED,
    type UNINDEXED,
    ts UNINDEXED,
    tokenize = 'porter unicode61 remove_diacritics 2',
    columnsize = 0  -- hits are ordered by event id, never by bm25 rank: no per-row token counts to write
);

-- An event that leaves the log (retention) leaves the index with it. message.delta is never indexed (the finished
-- message.completed is), so most deletes skip the lookup.
CREATE TRIGGER search_index_event_deleted AFTER DELETE ON events WHEN old.type <> 'message.delta'
BEGIN
    DELETE FROM search_index WHERE rowid = old.id;
END;
