-- The contact attempts a turn reads: those counting toward the contact
-- limits (agent.ContactAttempt.Counts). Replies to the borrower, most of
-- the table, are left out of the index.
CREATE INDEX contact_attempts_counted ON contact_attempts (account_id, at)
    WHERE initiated_by = 'agent' OR (channel = 'voice' AND outcome = 'connected');
