namespace HalOSwarm.Supervisor.Storage;

/// <summary>Proves the database takes writes, for <c>/readyz</c>.</summary>
internal interface IDatabaseProbe
{
    /// <summary>"ok", or what went wrong in words (never a connection string).</summary>
    Task<string> CheckAsync(CancellationToken cancellationToken);
}
