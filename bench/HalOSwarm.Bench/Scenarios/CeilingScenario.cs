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
        var supervisorSchema = await SqliteCeiling.RowsPerSecondAsync(CeilingSchema.Supervisor, rows, cancellationToken);
        var primaryKeyOnly = await SqliteCeiling.RowsPerSecondAsync(CeilingSchema.PrimaryKeyOnly, rows, cancellationToken);
        result.Add("rows/s, supervisor schema", supervisorSchema, "rows/s");
        result.Add("rows/s, pk (node_id, seq) only", primaryKeyOnly, "rows/s");
        result.Notes.Add("the supervisor schema has 4 secondary indexes; throughput fractions use it");
        context.CeilingRowsPerSecond = supervisorSchema;
        return result;
    }
}
