namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>Reads every page of a report: while <c>has_more</c>, the opaque <c>next_page</c> goes back as <c>page</c>.</summary>
internal static class ProviderPages
{
    /// <summary>More pages than this is a provider (or a fake) that never says it is done.</summary>
    public const int MaxPages = 100;

    /// <param name="fetch">Gets one page; null asks for the first.</param>
    /// <param name="read">A page's buckets, whether more follow, and the next page's token.</param>
    public static async Task<List<TBucket>> ReadAllAsync<TPage, TBucket>(
        string path, Func<string?, CancellationToken, Task<TPage>> fetch, Func<TPage, (IEnumerable<TBucket> Buckets, bool HasMore, string? NextPage)> read,
        CancellationToken cancellationToken)
    {
        var buckets = new List<TBucket>();
        string? page = null;
        for (var count = 1; ; count++)
        {
            var (items, hasMore, next) = read(await fetch(page, cancellationToken));
            buckets.AddRange(items);
            if (!hasMore)
            {
                return buckets;
            }
            if (string.IsNullOrEmpty(next))
            {
                throw new ProviderPollException($"{path}: has_more without a next_page");
            }
            if (count >= MaxPages)
            {
                throw new ProviderPollException($"{path}: more than {MaxPages} pages");
            }
            page = next;
        }
    }

    /// <summary><paramref name="query"/> plus the page token, if any, escaped.</summary>
    public static Uri Address(string baseUrl, string path, string query, string? page) =>
        new(baseUrl.TrimEnd('/') + path + "?" + query + (page is null ? "" : "&page=" + Uri.EscapeDataString(page)));
}
