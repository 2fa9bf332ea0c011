namespace HalOSwarm.Protocol.Events;

/// <summary>
/// One agent program's login on a node (<c>auth.status</c>, no session id), as the program itself reports it
/// (<c>claude auth status</c>, <c>opencode auth list</c>, <c>codex login status</c>). <see cref="Tool"/> is a runtime
/// name (<see cref="RuntimeNames"/>); <see cref="Status"/> one of <see cref="AuthStatuses"/>; <see cref="Method"/> how it
/// is logged in (<c>api_key</c>, <c>chatgpt</c>, <c>claude.ai</c>…); <see cref="Reason"/> a line for a person
/// ("Logged in as user@example.com", "API key configured") — never a key, a token or part of one.
/// </summary>
public sealed record AuthStatusData(string Tool, string Status, string? Method, string? Reason, DateTimeOffset CheckedAt);
