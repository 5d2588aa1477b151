-- Where a caller cut a spoken reply: JSON {"heard", "after_ms", "call_sid", "at"}.
ALTER TABLE messages ADD COLUMN interrupted TEXT;
