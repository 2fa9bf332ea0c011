using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Cost.Budgets;

namespace HalOSwarm.Supervisor.Cost;

/// <summary>The checks of cost.budgets, cost.forecast and cost.critical_projects.</summary>
internal static class BudgetChecks
{
    public const int MaxBudgets = 200;

    public static void Check(CostOptions options, List<string> errors)
    {
        var found = new List<(string Key, string Message)>();
        var budgets = options.Budgets ?? [];
        if (budgets.Count > MaxBudgets)
        {
            found.Add(("cost.budgets", $"must hold at most {MaxBudgets} budgets (was {budgets.Count})"));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < budgets.Count; i++)
        {
            BudgetRules.Check(budgets[i], $"cost.budgets[{i}].", found);
            if (BudgetRules.IsName(budgets[i].Name) && !names.Add(budgets[i].Name))
            {
                found.Add(($"cost.budgets[{i}].name", $"'{budgets[i].Name}' is already the name of an earlier budget"));
            }
        }
        var forecast = options.Forecast ?? new ForecastOptions();
        if (forecast.WindowMinutes is < 5 or > 1440)
        {
            found.Add(("cost.forecast.window_minutes", $"must be from 5 to 1440 minutes (was {forecast.WindowMinutes})"));
        }
        if (forecast.HorizonHours is < 1 or > 744)
        {
            found.Add(("cost.forecast.horizon_hours", $"must be from 1 to 744 hours (was {forecast.HorizonHours})"));
        }
        var critical = options.CriticalProjects ?? [];
        for (var i = 0; i < critical.Count; i++)
        {
            if (!ProtocolLimits.IsProjectName(critical[i]))
            {
                found.Add(($"cost.critical_projects[{i}]",
                    $"must be a project name of 1-{ProtocolLimits.MaxProjectNameLength} characters without control characters or '/'"));
            }
        }
        errors.AddRange(found.Select(e => $"{e.Key}: {e.Message}"));
    }
}
