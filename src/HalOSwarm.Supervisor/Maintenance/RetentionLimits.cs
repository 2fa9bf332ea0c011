namespace HalOSwarm.Supervisor.Maintenance;

/// <summary>What one retention pass may delete: ids up to <see cref="MaxId"/>, except <see cref="Protected"/>.</summary>
internal sealed record RetentionLimits(long MaxId, IReadOnlySet<long> Protected)
{
    public bool MayDelete(long id) => id <= MaxId && !Protected.Contains(id);
}
