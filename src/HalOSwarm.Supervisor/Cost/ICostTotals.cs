namespace HalOSwarm.Supervisor.Cost;

/// <summary>What is spent, as the ledger booked it (budgets and the forecast read it; the ledger implements it).</summary>
internal interface ICostTotals
{
    /// <summary>Spend of <paramref name="scope"/> booked on local days <paramref name="first"/>..<paramref name="last"/> (inclusive, <c>cost.time_zone</c>).</summary>
    Task<CostSpend> SpendAsync(CostScope scope, DateOnly first, DateOnly last, CancellationToken cancellationToken);

    /// <summary>Spend of <paramref name="scope"/> booked in the UTC hours from the one holding <paramref name="since"/> on.</summary>
    Task<CostSpend> SpendSinceAsync(CostScope scope, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The sessions whose usage was booked to <paramref name="account"/>.</summary>
    Task<IReadOnlyList<string>> SessionsOfAccountAsync(string account, CancellationToken cancellationToken);
}

/// <summary>A budget's scope: everything, one project or one account.</summary>
internal sealed record CostScope(string Kind, string? Name)
{
    public const string GlobalKind = "global";
    public const string ProjectKind = "project";
    public const string AccountKind = "account";

    public static readonly CostScope Global = new(GlobalKind, null);

    /// <summary><c>global</c>, <c>project:NAME</c> or <c>account:NAME</c>; null when it is none of those.</summary>
    public static CostScope? Parse(string? text)
    {
        if (text == GlobalKind)
        {
            return Global;
        }
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0 || colon == text!.Length - 1)
        {
            return null;
        }
        var kind = text[..colon];
        return kind is ProjectKind or AccountKind ? new CostScope(kind, text[(colon + 1)..]) : null;
    }

    public override string ToString() => Name is null ? Kind : $"{Kind}:{Name}";
}

/// <summary>Spend in USD (exact) and tokens (input + output + reasoning + cache read + cache write).</summary>
internal readonly record struct CostSpend(decimal Usd, long Tokens)
{
    public static readonly CostSpend Zero = new(0m, 0);
}
