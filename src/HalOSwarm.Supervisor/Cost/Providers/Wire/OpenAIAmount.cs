namespace HalOSwarm.Supervisor.Cost.Providers.Wire;

/// <summary>A costs amount: <see cref="Value"/> is a JSON number in dollars, read as decimal from its text (never through double).</summary>
internal sealed record OpenAIAmount
{
    public decimal Value { get; init; }

    public string? Currency { get; init; }
}
