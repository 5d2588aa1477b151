-- Contact restrictions a borrower recorded on an account (agent.Restriction):
-- when, where and how they may be contacted. data is the restriction's terms
-- as JSON (agent.ContactRestriction).
CREATE TABLE restrictions (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL,
    conversation_id TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL,
    data            TEXT NOT NULL,
    text            TEXT NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL
);
CREATE INDEX restrictions_account ON restrictions (account_id, created_at);
