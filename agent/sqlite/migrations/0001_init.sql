-- Parley's schema on SQLite. Times are INTEGER microseconds since the Unix
-- epoch in UTC (NULL when unset); structured values are JSON text.

CREATE TABLE accounts (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL DEFAULT '',
    data       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE account_phones (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    phone      TEXT NOT NULL,
    PRIMARY KEY (account_id, phone)
);
CREATE INDEX account_phones_phone ON account_phones (phone);

CREATE TABLE conversations (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts (id),
    channel         TEXT NOT NULL,
    address         TEXT NOT NULL DEFAULT '',
    state           TEXT NOT NULL,
    owner           TEXT NOT NULL,
    verified        INTEGER NOT NULL DEFAULT 0,
    locale          TEXT NOT NULL DEFAULT '',
    memory          TEXT,
    last_seq        INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    last_message_at INTEGER
);
CREATE INDEX conversations_account ON conversations (account_id, channel, created_at);
CREATE INDEX conversations_activity ON conversations (coalesce(last_message_at, created_at));

CREATE TABLE messages (
    id                 TEXT PRIMARY KEY,
    conversation_id    TEXT NOT NULL REFERENCES conversations (id),
    seq                INTEGER NOT NULL,
    direction          TEXT NOT NULL,
    author             TEXT NOT NULL,
    author_name        TEXT NOT NULL DEFAULT '',
    channel            TEXT NOT NULL,
    text               TEXT NOT NULL,
    channel_message_id TEXT,
    reply_to           TEXT NOT NULL DEFAULT '',
    template_version   TEXT NOT NULL DEFAULT '',
    model              TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL,
    guard              TEXT,
    send_at            INTEGER,
    provider_id        TEXT NOT NULL DEFAULT '',
    created_at         INTEGER NOT NULL,
    UNIQUE (conversation_id, seq),
    UNIQUE (channel, channel_message_id)
);
CREATE INDEX messages_pending ON messages (status, created_at) WHERE direction = 'in';

CREATE TABLE events (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL,
    account_id      TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL,
    actor           TEXT NOT NULL DEFAULT '',
    data            TEXT,
    at              INTEGER NOT NULL
);
CREATE INDEX events_conversation ON events (conversation_id, id);

CREATE TABLE contact_attempts (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id   TEXT NOT NULL,
    channel      TEXT NOT NULL,
    address      TEXT NOT NULL DEFAULT '',
    initiated_by TEXT NOT NULL DEFAULT '',
    outcome      TEXT NOT NULL,
    message_id   TEXT NOT NULL DEFAULT '',
    at           INTEGER NOT NULL
);
CREATE INDEX contact_attempts_account ON contact_attempts (account_id, at);

CREATE TABLE consents (
    account_id TEXT NOT NULL,
    channel    TEXT NOT NULL,
    opted_out  INTEGER NOT NULL,
    source     TEXT NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, channel)
);

CREATE TABLE plans (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL,
    conversation_id TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL,
    data            TEXT NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX plans_account ON plans (account_id, created_at);

CREATE TABLE disputes (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL,
    conversation_id TEXT NOT NULL DEFAULT '',
    reason          TEXT NOT NULL DEFAULT '',
    open            INTEGER NOT NULL,
    created_at      INTEGER NOT NULL
);
CREATE INDEX disputes_account ON disputes (account_id, created_at);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id      TEXT NOT NULL UNIQUE REFERENCES messages (id),
    conversation_id TEXT NOT NULL,
    channel         TEXT NOT NULL,
    to_addr         TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_by      TEXT NOT NULL DEFAULT '',
    lease_until     INTEGER,
    last_error      TEXT NOT NULL DEFAULT '',
    provider_id     TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf       TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
