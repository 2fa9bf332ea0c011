namespace HalOSwarm.Testing.FakeProviders;

/// <summary>A request a fake billing API received: its path, its raw query, the status it was answered with, and when.</summary>
public sealed record FakeBillingRequest(string Path, string Query, int Status, DateTimeOffset At)
{
    /// <summary>The value of query parameter <paramref name="name"/> (first occurrence), unescaped, or null.</summary>
    public string? Param(string name) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Query).TryGetValue(name, out var values) ? values.ToString() : null;
}
