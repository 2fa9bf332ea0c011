namespace HalOSwarm.Supervisor.Cost;

/// <summary>The checks of cost.rates and cost.accounts.</summary>
internal static class LedgerChecks
{
    public static void Check(CostOptions options, List<string> errors)
    {
    }
}
