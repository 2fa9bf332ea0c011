using System.Text.Json;
using HalOSwarm.Ctl.Api;
using HalOSwarm.Ctl.Output;

namespace HalOSwarm.Ctl.Commands;

/// <summary>
/// The shared body of the list commands: one page, or every page with <c>--all</c> (following
/// <c>meta.next_cursor</c>); JSON prints the merged <c>data</c> as the API sent it, a table the typed rows, with a
/// hint on stderr when more pages are left.
/// </summary>
internal static class PagedList
{
    public static async Task<int> RunAsync<T>(
        CommandContext context,
        bool all,
        Func<string?, CancellationToken, Task<ApiPage<IReadOnlyList<T>>>> fetch,
        Action<IReadOnlyList<T>> renderTable,
        string noun,
        CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        var raw = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await fetch(cursor, cancellationToken);
            rows.AddRange(page.Value);
            raw.AddRange(page.Data.EnumerateArray());
            cursor = page.NextCursor;
        }
        while (all && cursor is not null);

        if (context.Format == OutputFormat.Json)
        {
            JsonOutput.WriteArray(context.Out, raw);
            return ExitCodes.Success;
        }
        renderTable(rows);
        if (cursor is not null)
        {
            context.Environment.Error.WriteLine($"(more {noun}: use --all to list every page)");
        }
        return ExitCodes.Success;
    }
}
