namespace HalOSwarm.Supervisor.Environments;

/// <summary>
/// Marks the checks provisioning runs itself (before a dry run, after applying): their reports must not start another
/// round of automatic provisioning.
/// </summary>
internal static class EnvProvisionScope
{
    private static readonly AsyncLocal<bool> s_inside = new();

    public static bool Inside => s_inside.Value;

    public static async Task<T> RunAsync<T>(Func<Task<T>> work)
    {
        var outer = s_inside.Value;
        s_inside.Value = true;
        try
        {
            return await work();
        }
        finally
        {
            s_inside.Value = outer;
        }
    }
}
