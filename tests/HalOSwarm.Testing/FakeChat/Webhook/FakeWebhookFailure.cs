namespace HalOSwarm.Testing.FakeChat.Webhook;

/// <summary>A scripted answer: the next request gets <see cref="Status"/>, with <c>Retry-After</c> in seconds when set.</summary>
public sealed record FakeWebhookFailure(int Status, int? RetryAfterSeconds = null);
