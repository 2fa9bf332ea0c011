-- Full-text search over the text of stored events (docs/ARCHITECTURE.md, Search): PostgreSQL's side of SQLite's FTS5
-- table. One row per indexed event, keyed by the event's id; the columns after text filter hits and link them back.
-- words is the tsvector of the text as the handler hands it over: accents removed, every run of characters that is
-- not a letter or digit turned into a space (as FTS5's unicode61 splits words, so "my_func" is "my" then "func"),
-- then stemmed by hal_search (English snowball stemmer, no stop words: "failed" finds "failing", "the" is a word
-- like any other, as on SQLite).
CREATE TEXT SEARCH DICTIONARY hal_search_stem (TEMPLATE = snowball, Language = english);
CREATE TEXT SEARCH CONFIGURATION hal_search (COPY = english);
ALTER TEXT SEARCH CONFIGURATION hal_search
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH hal_search_stem;

CREATE TABLE search_index (
    event_id   bigint PRIMARY KEY,
    text       TEXT NOT NULL,
    words      tsvector NOT NULL,
    session_id TEXT,
    node_id    TEXT NOT NULL,
    project    TEXT,
    type       TEXT NOT NULL,
    ts         TEXT NOT NULL
);
CREATE INDEX ix_search_index_words ON search_index USING gin (words);

-- An event that leaves the log (retention) leaves the index with it: once per statement, over the deleted rows.
-- message.delta is never indexed (the finished message.completed is), so those rows are not looked up.
CREATE FUNCTION search_index_events_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_index s USING gone g WHERE s.event_id = g.id AND g.type <> 'message.delta';
    RETURN NULL;
END;
$$;
CREATE TRIGGER search_index_events_deleted AFTER DELETE ON events
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION search_index_events_deleted();
