namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>
/// A provider's workspace / project ids mapped to our projects (<c>cost.providers.anthropic.workspaces</c>,
/// <c>cost.providers.openai.projects</c>); usage without an id is looked up as <see cref="ProviderNames.DefaultScope"/>.
/// </summary>
internal sealed class ProviderScopes(IReadOnlyDictionary<string, string> map)
{
    private readonly Dictionary<string, string> _map = new(map, StringComparer.OrdinalIgnoreCase);

    /// <summary>The id as stored: empty for none.</summary>
    public static string Id(string? scopeId) => scopeId ?? "";

    /// <summary>Our project for the id, or null when it is not mapped.</summary>
    public string? Project(string? scopeId) => _map.GetValueOrDefault(string.IsNullOrEmpty(scopeId) ? ProviderNames.DefaultScope : scopeId);
}
