namespace HalOSwarm.Testing.FakeProviders;

/// <summary>A scripted failure: the next request gets <see cref="Status"/>, with <c>Retry-After</c> in seconds when set.</summary>
public sealed record FakeBillingFailure(int Status, int? RetryAfterSeconds = null);
