-- Console login failures per user name and source address, shared by every
-- process on the file (agent.LoginThrottle), and one-time tokens already
-- spent (agent.TokenSpender).
CREATE TABLE login_failures (
    key      TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_at  INTEGER NOT NULL
);

CREATE TABLE spent_tokens (
    token      TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL
);
CREATE INDEX spent_tokens_expires ON spent_tokens (expires_at);
