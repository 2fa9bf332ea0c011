namespace HalOSwarm.Supervisor.Search;

/// <summary>
/// One event whose text matched, with where it belongs and a short excerpt around the match: plain text, each matched
/// word between <see cref="SearchHit.MarkStart"/> and <see cref="SearchHit.MarkEnd"/> (characters the indexer removes
/// from the text it indexes, so they only ever mark matches), <c>…</c> where the text was cut.
/// </summary>
internal sealed record SearchHit(long EventId, string? SessionId, string NodeId, string? Project, string Type, DateTimeOffset Ts, string Snippet)
{
    public const string MarkStart = "\u27E6";

    public const string MarkEnd = "\u27E7";
}
