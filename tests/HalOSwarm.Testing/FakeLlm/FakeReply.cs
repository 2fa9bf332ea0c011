namespace HalOSwarm.Testing.FakeLlm;

/// <summary>One scripted answer of the fake LLM server.</summary>
public abstract record FakeReply
{
    /// <summary>Streams <paramref name="Text"/> in <paramref name="Chunks"/> pieces, <paramref name="Delay"/> apart.</summary>
    public static FakeReply Text(string text, int chunks = 4, TimeSpan? delay = null) =>
        new TextReply(text, Math.Max(1, chunks), delay ?? TimeSpan.Zero);

    /// <summary>Asks the client to call tool <paramref name="Name"/> with JSON <paramref name="ArgumentsJson"/>.</summary>
    public static FakeReply ToolCall(string name, string argumentsJson) => new ToolCallReply(name, argumentsJson);

    /// <summary>Answers with an HTTP error, as a provider does when it fails or rate-limits.</summary>
    public static FakeReply Error(int statusCode, string message) => new ErrorReply(statusCode, message);

    /// <summary>A 429 with the provider's rate-limit headers: retry after <paramref name="RetryAfter"/>, limits reset at <paramref name="ResetAt"/>.</summary>
    public static FakeReply RateLimit(TimeSpan retryAfter, DateTimeOffset resetAt) => new RateLimitReply(retryAfter, resetAt);
}

public sealed record TextReply(string Content, int Chunks, TimeSpan Delay) : FakeReply;

public sealed record ToolCallReply(string Name, string ArgumentsJson) : FakeReply;

public sealed record ErrorReply(int StatusCode, string Message) : FakeReply;

public sealed record RateLimitReply(TimeSpan RetryAfter, DateTimeOffset ResetAt) : FakeReply;
