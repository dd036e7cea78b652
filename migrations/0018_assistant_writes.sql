-- The person's AI assistant (issue 26, the MCP server) may move applications and add notes when
-- they allow it; the timeline says who made each change, and keeps the assistant's notes.
ALTER TABLE application_events ADD COLUMN actor TEXT NOT NULL DEFAULT 'you' CHECK (actor IN ('you', 'assistant'));
ALTER TABLE application_events ADD COLUMN note TEXT;
