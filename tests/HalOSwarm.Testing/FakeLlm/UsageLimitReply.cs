namespace HalOSwarm.Testing.FakeLlm;

/// <summary>
/// HTTP 429 as the provider sends it when a usage limit is reached: the error body with its reset
/// (<c>usage_limit_reached</c>, <c>resets_at</c>, <c>resets_in_seconds</c>) and the rate-limit headers
/// (<c>retry-after</c>, <c>x-codex-primary-*</c>) Codex turns into its rate-limit snapshot.
/// </summary>
public sealed record UsageLimitReply(DateTimeOffset ResetAt) : FakeReply;
