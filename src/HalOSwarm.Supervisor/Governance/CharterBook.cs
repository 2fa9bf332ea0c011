using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Governance;

/// <summary>The charter in force for each project, built once from the <c>charter</c> section.</summary>
internal sealed class CharterBook
{
    private readonly Dictionary<string, Charter> _projects;

    public CharterBook(IOptions<CharterOptions> options)
    {
        Default = new Charter(null, options.Value);
        _projects = options.Value.Projects.Keys.ToDictionary(p => p, p => new Charter(p, options.Value), StringComparer.Ordinal);
        CheckInterval = TimeSpan.FromSeconds(options.Value.CheckIntervalSec);
    }

    /// <summary>The fleet default, which every project without a section of its own follows.</summary>
    public Charter Default { get; }

    /// <summary>The projects with a section of their own, by name.</summary>
    public IReadOnlyCollection<Charter> Projects => _projects.Values;

    public TimeSpan CheckInterval { get; }

    /// <summary>Whether any limit or rule is configured at all (nothing to check otherwise).</summary>
    public bool IsEmpty => Default.Limits.Count == 0 && Default.Tools.Count == 0 && _projects.Values.All(c => c.Limits.Count == 0 && c.Tools.Count == 0);

    public Charter For(string? project) => project is not null && _projects.TryGetValue(project, out var charter) ? charter : Default;
}
