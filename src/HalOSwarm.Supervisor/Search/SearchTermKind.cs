namespace HalOSwarm.Supervisor.Search;

internal enum SearchTermKind
{
    /// <summary>A bare word: its tokens must appear in this order (<c>my_func</c> is <c>my</c> then <c>func</c>).</summary>
    Word,

    /// <summary>A quoted phrase: its words in this order, next to each other.</summary>
    Phrase,

    /// <summary>A bare word ending in <c>*</c>: any word starting with it.</summary>
    Prefix,
}
