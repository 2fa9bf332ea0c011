namespace HalOSwarm.Supervisor.Cost;

/// <summary>The checks of cost.providers.</summary>
internal static class ProviderChecks
{
    public static void Check(CostProvidersOptions providers, List<string> errors)
    {
    }
}
