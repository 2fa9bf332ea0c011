using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>Reads of env_reports, each on its own connection.</summary>
internal sealed class EnvReportStore(IDatabase database)
{
    /// <summary>The latest report of every project on every node, or of one project (and one node).</summary>
    public async Task<IReadOnlyList<StoredEnvReport>> ListAsync(string? project, string? nodeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT node_id, project, checked_at, actor, report_json FROM env_reports
            WHERE (CAST(@project AS TEXT) IS NULL OR project = @project) AND (CAST(@node AS TEXT) IS NULL OR node_id = @node)
            ORDER BY project, node_id
            """;
        command.AddParameter("@project", (object?)project ?? DBNull.Value);
        command.AddParameter("@node", (object?)nodeId ?? DBNull.Value);
        var reports = new List<StoredEnvReport>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var report = JsonSerializer.Deserialize(reader.GetString(4), ProtocolJsonContext.Default.EnvCheckReport);
            if (report is not null)
            {
                reports.Add(new StoredEnvReport(reader.GetString(0), reader.GetString(1), SqliteTime.Parse(reader.GetString(2)), reader.GetString(3), report));
            }
        }
        return reports;
    }
}
