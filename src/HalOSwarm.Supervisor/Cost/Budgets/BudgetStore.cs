using System.Data.Common;
using System.Globalization;
using HalOSwarm.Supervisor.Cost.Ledger;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>
/// The budgets and their marks. The budgets are also kept in memory (<see cref="All"/>), read again after every write this
/// process commits, so the command gate and the evaluator see a change at once without reading the database per command.
/// </summary>
internal sealed class BudgetStore(IDatabase database, IStorageWriter writer)
{
    private const string Columns = """
        name, scope, period, limit_usd, limit_tokens, thresholds, action, source, updated_at, updated_by, lifted_window, lifted_at, lifted_by
        """;

    private volatile IReadOnlyList<Budget> _all = [];

    /// <summary>Every budget, by name.</summary>
    public IReadOnlyList<Budget> All => _all;

    public Budget? Find(string name) => _all.FirstOrDefault(b => b.Name == name);

    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM budgets ORDER BY name";
        var rows = new List<Budget>();
        using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(Read(reader));
            }
        }
        _all = rows;
    }

    public async Task SyncConfigAsync(IReadOnlyList<Budget> budgets, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(new BudgetConfigSync(budgets), cancellationToken);
        await ReloadAsync(cancellationToken);
    }

    public async Task UpsertAsync(Budget budget, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(new BudgetUpsert(budget), cancellationToken);
        await ReloadAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        var deleted = await writer.WriteAsync(new BudgetDelete(name), cancellationToken);
        await ReloadAsync(cancellationToken);
        return deleted;
    }

    public async Task<bool> LiftAsync(string name, DateOnly window, DateTimeOffset at, string by, CancellationToken cancellationToken)
    {
        var lifted = await writer.WriteAsync(new BudgetLift(name, window, at, by), cancellationToken);
        await ReloadAsync(cancellationToken);
        return lifted;
    }

    /// <summary>Records a mark and its event once; true when it was new.</summary>
    public Task<bool> MarkAsync(BudgetMark mark, CancellationToken cancellationToken) => writer.WriteAsync(mark, cancellationToken);

    /// <summary>The marks (kind, threshold) of <paramref name="budget"/> in the window starting on <paramref name="window"/>.</summary>
    public async Task<IReadOnlyList<(string Kind, int Threshold)>> MarksAsync(string budget, DateOnly window, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, threshold FROM budget_marks WHERE budget = @budget AND window_start = @window ORDER BY kind, threshold";
        command.AddParameter("@budget", budget);
        command.AddParameter("@window", LedgerKeys.Day(window));
        var marks = new List<(string, int)>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            marks.Add((reader.GetString(0), reader.GetInt32(1)));
        }
        return marks;
    }

    private static Budget Read(DbDataReader reader) => new()
    {
        Name = reader.GetString(0),
        Scope = CostScope.Parse(reader.GetString(1)) ?? CostScope.Global,
        Window = reader.GetString(2),
        LimitUsd = reader.IsDBNull(3) ? null : decimal.Parse(reader.GetString(3), NumberStyles.Number, CultureInfo.InvariantCulture),
        LimitTokens = reader.IsDBNull(4) ? null : reader.GetInt64(4),
        Thresholds = [.. reader.GetString(5).Split(',').Select(t => int.Parse(t, CultureInfo.InvariantCulture))],
        Action = reader.GetString(6),
        Source = reader.GetString(7),
        UpdatedAt = SqliteTime.Parse(reader.GetString(8)),
        UpdatedBy = reader.GetString(9),
        LiftedWindow = reader.IsDBNull(10) ? null : DateOnly.ParseExact(reader.GetString(10), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        LiftedAt = reader.IsDBNull(11) ? null : SqliteTime.Parse(reader.GetString(11)),
        LiftedBy = reader.IsDBNull(12) ? null : reader.GetString(12),
    };
}
