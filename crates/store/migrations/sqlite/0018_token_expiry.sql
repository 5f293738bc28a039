-- An API token may expire at a time chosen when it was made; when it was last used is kept
-- to the minute or so.
ALTER TABLE api_tokens ADD COLUMN expires_at INTEGER;
ALTER TABLE api_tokens ADD COLUMN last_used_at INTEGER;
