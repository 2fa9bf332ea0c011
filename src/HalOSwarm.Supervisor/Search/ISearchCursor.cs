namespace HalOSwarm.Supervisor.Search;

/// <summary>Where the indexer resumes: after its saved cursor, or from the first event when it has never run (it indexes history too).</summary>
internal interface ISearchCursor
{
    Task<long> GetAsync(CancellationToken cancellationToken);
}
