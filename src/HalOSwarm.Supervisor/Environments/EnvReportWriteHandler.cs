using System.Data.Common;
using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Environments;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Environments;

/// <summary>The env_reports table's writes: the previous report is read and replaced in one transaction with its events.</summary>
internal sealed class EnvReportWriteHandler : IWriteHandler<EnvReportWrite>
{
    private readonly EventInserter _events;
    private readonly DbCommand _previous;
    private readonly DbCommand _upsert;

    public EnvReportWriteHandler(IWriteContext context, EventInserter events)
    {
        _events = events;
        _previous = context.Prepare("SELECT report_json FROM env_reports WHERE node_id = @node AND project = @project", "@node", "@project");
        _upsert = context.Prepare("""
            INSERT INTO env_reports (node_id, project, verdict, checked_at, actor, report_json) VALUES (@node, @project, @verdict, @at, @actor, @json)
            ON CONFLICT (node_id, project) DO UPDATE SET verdict = excluded.verdict, checked_at = excluded.checked_at,
                actor = excluded.actor, report_json = excluded.report_json
            """, "@node", "@project", "@verdict", "@at", "@actor", "@json");
    }

    public void Apply(EnvReportWrite op, WriteBatch batch)
    {
        var report = op.Report;
        _previous.Set(0, op.NodeId);
        _previous.Set(1, report.Project);
        var previous = _previous.ExecuteScalar() is string json ? Parse(json) : null;
        _upsert.Run(op.NodeId, report.Project, report.Verdict, SqliteTime.Format(op.At), op.Actor,
            JsonSerializer.Serialize(report, ProtocolJsonContext.Default.EnvCheckReport));
        List<string> recorded = [];
        if (EnvReportComparison.Drift(op.NodeId, previous, report) is { } drift)
        {
            _events.Insert(op.NodeId, null, EventTypes.EnvDriftDetected, null, op.At,
                JsonSerializer.Serialize(drift, EnvironmentsJsonContext.Default.EnvDriftDetectedData));
            recorded.Add(EventTypes.EnvDriftDetected);
        }
        if (EnvReportComparison.Failed(op.NodeId, previous, report) is { } failed)
        {
            _events.Insert(op.NodeId, null, EventTypes.EnvCheckFailed, null, op.At,
                JsonSerializer.Serialize(failed, EnvironmentsJsonContext.Default.EnvCheckFailedData));
            recorded.Add(EventTypes.EnvCheckFailed);
        }
        batch.Completed<IReadOnlyList<string>>(op, recorded);
    }

    private static EnvCheckReport? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ProtocolJsonContext.Default.EnvCheckReport);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
