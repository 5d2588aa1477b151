-- Parley's schema on PostgreSQL. Times are timestamptz (microseconds, UTC
-- on the way out); structured values are jsonb. Tables live in the first
-- schema of the search_path.

CREATE TABLE accounts (
    id         text COLLATE "C" PRIMARY KEY,
    name       text NOT NULL DEFAULT '',
    data       jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE account_phones (
    account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    phone      text NOT NULL,
    PRIMARY KEY (account_id, phone)
);
CREATE INDEX account_phones_phone ON account_phones (phone);

CREATE TABLE conversations (
    id              text PRIMARY KEY,
    account_id      text NOT NULL REFERENCES accounts (id),
    channel         text NOT NULL,
    address         text NOT NULL DEFAULT '',
    state           text NOT NULL,
    owner           text NOT NULL,
    verified        boolean NOT NULL DEFAULT false,
    locale          text NOT NULL DEFAULT '',
    memory          jsonb,
    last_seq        bigint NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    last_message_at timestamptz,
    row_order       bigserial
);
CREATE INDEX conversations_account ON conversations (account_id, channel, created_at);
CREATE INDEX conversations_activity ON conversations ((coalesce(last_message_at, created_at)));

CREATE TABLE messages (
    id                 text PRIMARY KEY,
    conversation_id    text NOT NULL REFERENCES conversations (id),
    seq                bigint NOT NULL,
    direction          text NOT NULL,
    author             text NOT NULL,
    author_name        text NOT NULL DEFAULT '',
    channel            text NOT NULL,
    text               text NOT NULL,
    channel_message_id text,
    reply_to           text NOT NULL DEFAULT '',
    template_version   text NOT NULL DEFAULT '',
    model              text NOT NULL DEFAULT '',
    status             text NOT NULL,
    guard              jsonb,
    send_at            timestamptz,
    provider_id        text NOT NULL DEFAULT '',
    created_at         timestamptz NOT NULL,
    row_order          bigserial,
    UNIQUE (conversation_id, seq),
    UNIQUE (channel, channel_message_id)
);
CREATE INDEX messages_pending ON messages (created_at) WHERE direction = 'in' AND status = 'received';

CREATE TABLE events (
    id              bigserial PRIMARY KEY,
    conversation_id text NOT NULL,
    account_id      text NOT NULL DEFAULT '',
    kind            text NOT NULL,
    actor           text NOT NULL DEFAULT '',
    data            jsonb,
    at              timestamptz NOT NULL
);
CREATE INDEX events_conversation ON events (conversation_id, id);

CREATE TABLE contact_attempts (
    id           bigserial PRIMARY KEY,
    account_id   text NOT NULL,
    channel      text NOT NULL,
    address      text NOT NULL DEFAULT '',
    initiated_by text NOT NULL DEFAULT '',
    outcome      text NOT NULL,
    message_id   text NOT NULL DEFAULT '',
    at           timestamptz NOT NULL
);
CREATE INDEX contact_attempts_account ON contact_attempts (account_id, at);

CREATE TABLE consents (
    account_id text NOT NULL,
    channel    text NOT NULL,
    opted_out  boolean NOT NULL,
    source     text NOT NULL DEFAULT '',
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (account_id, channel)
);

CREATE TABLE plans (
    id              text PRIMARY KEY,
    account_id      text NOT NULL,
    conversation_id text NOT NULL DEFAULT '',
    status          text NOT NULL,
    data            jsonb NOT NULL,
    created_at      timestamptz NOT NULL,
    row_order       bigserial
);
CREATE INDEX plans_account ON plans (account_id, created_at);

CREATE TABLE disputes (
    id              text PRIMARY KEY,
    account_id      text NOT NULL,
    conversation_id text NOT NULL DEFAULT '',
    reason          text NOT NULL DEFAULT '',
    open            boolean NOT NULL,
    created_at      timestamptz NOT NULL,
    row_order       bigserial
);
CREATE INDEX disputes_account ON disputes (account_id, created_at);

CREATE TABLE outbox (
    id              bigserial PRIMARY KEY,
    message_id      text NOT NULL UNIQUE REFERENCES messages (id),
    conversation_id text NOT NULL,
    channel         text NOT NULL,
    to_addr         text NOT NULL DEFAULT '',
    body            text NOT NULL,
    status          text NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    claimed_by      text NOT NULL DEFAULT '',
    lease_until     timestamptz,
    last_error      text NOT NULL DEFAULT '',
    provider_id     text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

CREATE TABLE users (
    id            text PRIMARY KEY,
    name          text NOT NULL UNIQUE,
    role          text NOT NULL,
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL
);

CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf       text NOT NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL
);
