namespace HalOSwarm.Supervisor.Cost;

/// <summary>The checks of cost.budgets, cost.forecast and cost.critical_projects.</summary>
internal static class BudgetChecks
{
    public static void Check(CostOptions options, List<string> errors)
    {
    }
}
