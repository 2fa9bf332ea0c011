namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>The supervisor events budgets record (the alert channels route them like any other).</summary>
internal static class BudgetEventTypes
{
    public const string Threshold = "cost.threshold";
    public const string Forecast = "cost.forecast";
    public const string Action = "cost.budget";
}
