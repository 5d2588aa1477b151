-- Contact restrictions a borrower recorded on an account (agent.Restriction):
-- when, where and how they may be contacted. data is the restriction's terms
-- (agent.ContactRestriction).
CREATE TABLE restrictions (
    id              text PRIMARY KEY,
    account_id      text NOT NULL,
    conversation_id text NOT NULL DEFAULT '',
    kind            text NOT NULL,
    data            jsonb NOT NULL,
    text            text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL,
    row_order       bigserial
);
CREATE INDEX restrictions_account ON restrictions (account_id, created_at);
