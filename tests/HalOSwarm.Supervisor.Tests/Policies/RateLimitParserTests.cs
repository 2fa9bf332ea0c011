using HalOSwarm.Supervisor.Policies;

namespace HalOSwarm.Supervisor.Tests.Policies;

public sealed class RateLimitParserTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Rate limit exceeded. Please try again in 20 minutes.", "2026-11-25T12:20:00Z")]
    [InlineData("Too many requests: try again in 1 hour 30 minutes", "2026-11-25T13:30:00Z")]
    [InlineData("quota exhausted, retry after 45 seconds", "2026-11-25T12:00:45Z")]
    [InlineData("You've hit your usage limit. Limit resets at 3pm", "2026-11-25T15:00:00Z")]
    [InlineData("5-hour limit reached ∙ resets at 11am", "2026-11-26T11:00:00Z")]
    [InlineData("limit reached, resets at 15:30 (UTC)", "2026-11-25T15:30:00Z")]
    [InlineData("usage limit; resets at 2026-11-25T18:00:00Z", "2026-11-25T18:00:00Z")]
    [InlineData("Claude AI usage limit reached|1764093600", "2025-11-25T18:00:00Z")]
    public void TryParseReset_KnownShapes_ResetTime(string message, string expected)
    {
        Assert.True(RateLimitParser.TryParseReset(message, s_now, out var reset));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), reset);
    }

    [Theory]
    [InlineData("Rate limit exceeded")]
    [InlineData("resets at 3")]
    [InlineData("")]
    public void TryParseReset_NoTimeGiven_False(string message) =>
        Assert.False(RateLimitParser.TryParseReset(message, s_now, out _));

    [Theory]
    [InlineData(429, "anything", true)]
    [InlineData(500, "Rate limit reached for gpt-x", true)]
    [InlineData(null, "usage limit reached", true)]
    [InlineData(500, "internal server error", false)]
    [InlineData(null, null, false)]
    public void IsRateLimit_StatusOrWords(int? status, string? message, bool expected) =>
        Assert.Equal(expected, RateLimitParser.IsRateLimit(status, message));
}
