using HalOSwarm.Protocol;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// The rules of one budget, shared by <c>cost.budgets</c> (<see cref="BudgetChecks"/>) and <c>PUT /api/v1/budgets/{name}</c>:
/// every problem is reported with its key.
/// </summary>
internal static class BudgetRules
{
    public const int MaxNameChars = 64;
    public const int MaxThresholds = 20;
    public const string NameRule = "must be 1-64 characters of A-Z a-z 0-9 . _ -";
    public static readonly int[] DefaultThresholds = [50, 75, 90, 100];

    public static bool IsName(string? name) =>
        name is { Length: > 0 and <= MaxNameChars } && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>Adds "<c>{prefix}{key}: problem</c>" for each broken rule of <paramref name="budget"/>.</summary>
    public static void Check(BudgetOptions budget, string prefix, List<(string Key, string Message)> errors)
    {
        if (!IsName(budget.Name))
        {
            errors.Add((prefix + "name", $"{NameRule} (was '{Cut(budget.Name)}')"));
        }
        if (ScopeProblem(budget.Scope) is { } scope)
        {
            errors.Add((prefix + "scope", scope));
        }
        if (!CostWindows.All.Contains(budget.Window))
        {
            errors.Add((prefix + "window", $"must be one of {string.Join(", ", CostWindows.All)} (was '{Cut(budget.Window)}')"));
        }
        if (budget.LimitUsd is null == budget.LimitTokens is null)
        {
            errors.Add((prefix + "limit_usd", "exactly one of limit_usd and limit_tokens must be set"));
        }
        if (budget.LimitUsd is { } usd && (usd <= 0 || usd > 1_000_000_000m || decimal.Round(usd, 9) != usd))
        {
            errors.Add((prefix + "limit_usd", $"must be more than 0 and at most 1000000000, with at most 9 decimals (was {usd})"));
        }
        if (budget.LimitTokens is { } tokens && tokens <= 0)
        {
            errors.Add((prefix + "limit_tokens", $"must be more than 0 (was {tokens})"));
        }
        var thresholds = budget.Thresholds ?? [];
        if (thresholds.Count > MaxThresholds || thresholds.Any(t => t is < 1 or > 100)
            || thresholds.Zip(thresholds.Skip(1)).Any(pair => pair.First >= pair.Second))
        {
            errors.Add((prefix + "thresholds", $"must be at most {MaxThresholds} percentages from 1 to 100, ascending, each once "
                + $"(was [{string.Join(",", thresholds.Take(MaxThresholds + 1))}])"));
        }
        if (!BudgetActions.All.Contains(budget.Action))
        {
            errors.Add((prefix + "action", $"must be one of {string.Join(", ", BudgetActions.All)} (was '{Cut(budget.Action)}')"));
        }
    }

    /// <summary>The thresholds a budget uses: the default when none are given, 100 always included.</summary>
    public static IReadOnlyList<int> Thresholds(IReadOnlyList<int>? given) =>
        given is null || given.Count == 0 ? DefaultThresholds : given.Contains(100) ? [.. given] : [.. given, 100];

    private static string? ScopeProblem(string? scope)
    {
        const string Rule = "must be global, project:NAME or account:NAME";
        if (CostScope.Parse(scope) is not { } parsed)
        {
            return $"{Rule} (was '{Cut(scope)}')";
        }
        return parsed.Kind switch
        {
            CostScope.ProjectKind when !ProtocolLimits.IsProjectName(parsed.Name) =>
                $"{Rule}; a project name is 1-{ProtocolLimits.MaxProjectNameLength} characters without control characters or '/'",
            CostScope.AccountKind when parsed.Name is not { Length: <= MaxNameChars } || !ProtocolLimits.IsLabel(parsed.Name) =>
                $"{Rule}; an account name is 1-{MaxNameChars} characters without control characters",
            _ => null,
        };
    }

    private static string Cut(string? text) => Security.BoundedText.Cut(text ?? "", 64, "…");
}
