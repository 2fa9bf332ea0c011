using HalOSwarm.Bench.Ceiling;
using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Report;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// Raw batched SQLite inserts of the fleet's rows from this process: the most events/s this machine can store
/// one row per event, against which the supervisor's durable events/s is read.
/// </summary>
internal sealed class CeilingScenario : IScenario
{
    public string Name => "ceiling";

    public async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult(Name);
        var rows = ScenarioDefaults.Resolve(Name, context.Options).BacklogEvents;
        result.Parameters["rows"] = rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        result.Parameters["rows_per_txn"] = SqliteCeiling.RowsPerTransaction.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var supervisorSchema = await SqliteCeiling.RowsPerSecondAsync(CeilingSchema.Supervisor, rows, SqliteCeiling.RowsPerTransaction, cancellationToken);
        var supervisorBatch = await SqliteCeiling.RowsPerSecondAsync(CeilingSchema.Supervisor, rows, SqliteCeiling.SupervisorBatch, cancellationToken);
        var primaryKeyOnly = await SqliteCeiling.RowsPerSecondAsync(CeilingSchema.PrimaryKeyOnly, rows, SqliteCeiling.RowsPerTransaction, cancellationToken);
        result.Add("rows/s, supervisor schema, 1000/txn", supervisorSchema, "rows/s");
        result.Add("rows/s, supervisor schema, 4096/txn", supervisorBatch, "rows/s");
        result.Add("rows/s, pk (node_id, seq) only, 1000/txn", primaryKeyOnly, "rows/s");
        result.Notes.Add("rows go in frame order (runs of 100 seqs of one node); the supervisor's table has 4 secondary indexes; fractions use the better supervisor-schema figure");
        context.CeilingRowsPerSecond = Math.Max(supervisorSchema, supervisorBatch);
        return result;
    }
}
