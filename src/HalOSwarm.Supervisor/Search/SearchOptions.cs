using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Search;

/// <summary>The <c>search</c> section: whether stored events are indexed for full-text search, and how much of each.</summary>
internal sealed class SearchOptions
{
    public const string SectionName = "search";

    public const int MinTextChars = 256;

    public const int MaxTextChars = 65_536;

    /// <summary>When false the indexer does not run and <c>GET /api/v1/search</c> answers 503 <c>search_disabled</c>.</summary>
    [ConfigurationKeyName("enabled")]
    public bool Enabled { get; set; } = true;

    /// <summary>Characters of one event's text that are indexed (and can be found); the rest is left out.</summary>
    [ConfigurationKeyName("max_text_chars")]
    public int MaxTextCharsPerEvent { get; set; } = 8192;
}
