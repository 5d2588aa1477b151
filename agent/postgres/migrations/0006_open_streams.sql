-- Spoken replies still streaming (agent.StreamCloser): those a process
-- left open when it stopped are found here without reading the table.
CREATE INDEX messages_streaming ON messages (created_at)
    WHERE direction = 'out' AND channel = 'voice' AND status = 'sending';
