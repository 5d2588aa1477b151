-- The access log (agent.Auditor): every read of a transcript, by whom, in
-- which role, when. It holds no message text and outlives the
-- conversations it names.
CREATE TABLE access_log (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    at              INTEGER NOT NULL,
    actor           TEXT NOT NULL,
    role            TEXT NOT NULL DEFAULT '',
    action          TEXT NOT NULL,
    via             TEXT NOT NULL DEFAULT '',
    conversation_id TEXT NOT NULL DEFAULT '',
    account_id      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX access_log_conversation ON access_log (conversation_id, id);
CREATE INDEX access_log_at ON access_log (at);
CREATE INDEX events_at ON events (at);
