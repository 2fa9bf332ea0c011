namespace HalOSwarm.Supervisor.Search;

/// <summary>Hits newest first; <see cref="NextBefore"/> starts the next page when there is one.</summary>
internal sealed record SearchPage(IReadOnlyList<SearchHit> Hits, long? NextBefore);
