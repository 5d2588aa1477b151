-- An outbox row carries its conversation's account, which a sender needs
-- (a chat reply goes to every socket of the account), so that sending a
-- row reads nothing else.
ALTER TABLE outbox ADD COLUMN account_id TEXT NOT NULL DEFAULT '';
UPDATE outbox SET account_id = coalesce((SELECT c.account_id FROM conversations c WHERE c.id = outbox.conversation_id), '');
