using HalOSwarm.Supervisor.Storage.Writing;

namespace HalOSwarm.Supervisor.Search;

/// <summary>
/// Adds a batch of documents to the index and saves the indexer's cursor (<see cref="LastId"/>) in the same transaction,
/// so a restart neither skips nor repeats. In the writer's bulk lane: it waits its turn between ingest batches and never
/// cuts one short, as a priority op would.
/// </summary>
internal sealed record SearchIndexWrite(IReadOnlyList<SearchDocument> Documents, long LastId) : AwaitedWrite
{
    public override int Weight => Math.Max(1, Documents.Count);

    public override WriteLane Lane => WriteLane.Bulk;
}
