-- The access log (agent.Auditor): every read of a transcript, by whom, in
-- which role, when. It holds no message text and outlives the
-- conversations it names.
CREATE TABLE access_log (
    id              bigserial PRIMARY KEY,
    at              timestamptz NOT NULL,
    actor           text NOT NULL,
    role            text NOT NULL DEFAULT '',
    action          text NOT NULL,
    via             text NOT NULL DEFAULT '',
    conversation_id text NOT NULL DEFAULT '',
    account_id      text NOT NULL DEFAULT ''
);
CREATE INDEX access_log_conversation ON access_log (conversation_id, id);
CREATE INDEX access_log_at ON access_log (at);
CREATE INDEX events_at ON events (at);
