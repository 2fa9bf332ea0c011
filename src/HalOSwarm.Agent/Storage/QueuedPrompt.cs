namespace HalOSwarm.Agent.Storage;

/// <summary>A prompt waiting in agent.db for its session to turn idle.</summary>
internal sealed record QueuedPrompt(long Id, string SessionId, string CommandId, string Text);
