using HalOSwarm.Bench.Ceiling;
using HalOSwarm.Bench.Cli;
using HalOSwarm.Bench.Report;
using HalOSwarm.Bench.Target;

namespace HalOSwarm.Bench.Scenarios;

/// <summary>
/// Raw batched inserts of the fleet's rows from this process: the most events/s this machine can store one row per
/// event, against which the supervisor's durable events/s is read. SQLite: prepared inserts into a fresh file;
/// PostgreSQL: binary COPY into a fresh database.
/// </summary>
internal sealed class CeilingScenario : IScenario
{
    public string Name => "ceiling";

    public async Task<ScenarioResult> RunAsync(ScenarioContext context, CancellationToken cancellationToken)
    {
        var result = new ScenarioResult(Name);
        var rows = ScenarioDefaults.Resolve(Name, context.Options).BacklogEvents;
        if (context.Postgres is { } server)
        {
            return await PostgresAsync(context, server, result, rows, cancellationToken);
        }
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

    private static async Task<ScenarioResult> PostgresAsync(ScenarioContext context, PostgresServer server, ScenarioResult result, long rows, CancellationToken cancellationToken)
    {
        result.Parameters["database"] = BenchDatabases.Postgres;
        result.Parameters["rows"] = rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        result.Parameters["rows_per_txn"] = SqliteCeiling.SupervisorBatch.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (supervisorSchema, cpu) = await PostgresCeiling.RowsPerSecondAsync(server, context.RunId, PostgresCeiling.Supervisor, rows, SqliteCeiling.SupervisorBatch, cancellationToken);
        var (primaryKeyOnly, _) = await PostgresCeiling.RowsPerSecondAsync(server, context.RunId, PostgresCeiling.PrimaryKeyOnly, rows, SqliteCeiling.SupervisorBatch, cancellationToken);
        result.Add("rows/s, supervisor schema, binary COPY 4096/txn", supervisorSchema, "rows/s");
        result.Add("rows/s, pk (id) only, binary COPY 4096/txn", primaryKeyOnly, "rows/s");
        if (!double.IsNaN(cpu))
        {
            result.Add("postgres cpu during the supervisor-schema copy", cpu, "% core");
        }
        result.Notes.Add("one connection from this process, rows in frame order (runs of 100 seqs of one node), a fresh database each; fractions use the supervisor-schema figure");
        context.CeilingRowsPerSecond = supervisorSchema;
        return result;
    }
}
