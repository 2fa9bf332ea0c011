namespace HalOSwarm.Supervisor.Search;

/// <summary>One term of a parsed query, as the user wrote it (without its quotes or trailing <c>*</c>).</summary>
internal sealed record SearchTerm(string Text, SearchTermKind Kind);
