-- An outbox row carries its conversation's account, which a sender needs
-- (a chat reply goes to every socket of the account), so that sending a
-- row reads nothing else.
ALTER TABLE outbox ADD COLUMN account_id text NOT NULL DEFAULT '';
UPDATE outbox o SET account_id = c.account_id FROM conversations c WHERE c.id = o.conversation_id;
