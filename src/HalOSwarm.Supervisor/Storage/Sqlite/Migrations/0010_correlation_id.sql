-- The correlation id of the request that asked for a command (X-Correlation-Id, or one the supervisor made up), sent
-- to the agent with the command and shown with it in the API.
ALTER TABLE commands ADD COLUMN correlation_id TEXT;
