using HalOSwarm.Supervisor.Tests.Support;

namespace HalOSwarm.Supervisor.Tests.Cost;

/// <summary>The supervisor's <c>cost_ledger</c> rows, read from its database on a connection of their own.</summary>
internal static class LedgerRows
{
    public static async Task<List<Dictionary<string, object?>>> ReadAsync(SupervisorHost host, string where = "1 = 1")
    {
        await using var connection = await host.OpenDatabaseAsync();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM cost_ledger WHERE {where} ORDER BY hour_utc, session_id, provider, model, account";
        using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }
        return rows;
    }

    /// <summary>A usage event's data.</summary>
    public static string Usage(string messageId, string? provider, string? model, long input, long output, decimal cost, long reasoning = 0,
        long cacheRead = 0, long cacheWrite = 0)
    {
        var providerJson = provider is null ? "" : $"\"provider\":\"{provider}\",";
        var modelJson = model is null ? "" : $"\"model\":\"{model}\",";
        return $$"""{"message_id":"{{messageId}}",{{providerJson}}{{modelJson}}"tokens":{"input":{{input}},"output":{{output}},"reasoning":{{reasoning}},"cache_read":{{cacheRead}},"cache_write":{{cacheWrite}}},"cost_usd":{{cost.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"context_tokens":{{input}}}""";
    }

    public static string Created(string project, string runtime) => $$"""{"project":"{{project}}","runtime":"{{runtime}}","title":"t"}""";
}
