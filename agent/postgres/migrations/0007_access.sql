-- Console login failures per user name and source address, shared by every
-- replica (agent.LoginThrottle), and one-time tokens already spent
-- (agent.TokenSpender).
CREATE TABLE login_failures (
    key      text COLLATE "C" PRIMARY KEY,
    failures integer NOT NULL,
    last_at  timestamptz NOT NULL
);

CREATE TABLE spent_tokens (
    token      text COLLATE "C" PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX spent_tokens_expires ON spent_tokens (expires_at);
