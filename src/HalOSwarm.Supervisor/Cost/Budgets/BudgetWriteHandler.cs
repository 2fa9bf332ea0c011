using System.Data.Common;
using System.Globalization;
using HalOSwarm.Supervisor.Cost.Ledger;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Cost.Budgets;

/// <summary>The budgets and budget_marks tables' writes, in the storage writer's priority lane.</summary>
internal sealed class BudgetWriteHandler
    : IWriteHandler<BudgetUpsert>, IWriteHandler<BudgetDelete>, IWriteHandler<BudgetLift>, IWriteHandler<BudgetConfigSync>, IWriteHandler<BudgetMark>
{
    private readonly EventInserter _events;
    private readonly DbCommand _upsert;
    private readonly DbCommand _delete;
    private readonly DbCommand _lift;
    private readonly DbCommand _configNames;
    private readonly DbCommand _mark;

    public BudgetWriteHandler(IWriteContext context, EventInserter events)
    {
        _events = events;
        _upsert = context.Prepare("""
            INSERT INTO budgets (name, scope, period, limit_usd, limit_tokens, thresholds, action, source, updated_at, updated_by)
            VALUES (@name, @scope, @period, @usd, @tokens, @thresholds, @action, @source, @at, @by)
            ON CONFLICT (name) DO UPDATE SET scope = excluded.scope, period = excluded.period, limit_usd = excluded.limit_usd,
                limit_tokens = excluded.limit_tokens, thresholds = excluded.thresholds, action = excluded.action, source = excluded.source,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by
            """, "@name", "@scope", "@period", "@usd", "@tokens", "@thresholds", "@action", "@source", "@at", "@by");
        _delete = context.Prepare("DELETE FROM budgets WHERE name = @name", "@name");
        _lift = context.Prepare("UPDATE budgets SET lifted_window = @window, lifted_at = @at, lifted_by = @by WHERE name = @name",
            "@name", "@window", "@at", "@by");
        _configNames = context.Prepare("SELECT name FROM budgets WHERE source = 'config'");
        _mark = context.Prepare("""
            INSERT INTO budget_marks (budget, window_start, kind, threshold, at, spend_usd, spend_tokens)
            VALUES (@budget, @window, @kind, @threshold, @at, @usd, @tokens)
            ON CONFLICT DO NOTHING
            """, "@budget", "@window", "@kind", "@threshold", "@at", "@usd", "@tokens");
    }

    public void Apply(BudgetUpsert op, WriteBatch batch)
    {
        Upsert(op.Budget);
        batch.Completed(op);
    }

    public void Apply(BudgetDelete op, WriteBatch batch) => batch.Completed(op, _delete.Run(op.Name) == 1);

    public void Apply(BudgetLift op, WriteBatch batch) =>
        batch.Completed(op, _lift.Run(op.Name, LedgerKeys.Day(op.Window), SqliteTime.Format(op.At), op.By) == 1);

    public void Apply(BudgetConfigSync op, WriteBatch batch)
    {
        var stale = new List<string>();
        using (var reader = _configNames.ExecuteReader())
        {
            while (reader.Read())
            {
                stale.Add(reader.GetString(0));
            }
        }
        foreach (var name in stale.Except(op.Budgets.Select(b => b.Name), StringComparer.Ordinal))
        {
            _delete.Run(name);
        }
        foreach (var budget in op.Budgets)
        {
            Upsert(budget);
        }
        batch.Completed(op);
    }

    public void Apply(BudgetMark op, WriteBatch batch)
    {
        var added = _mark.Run(op.Budget, LedgerKeys.Day(op.Window), op.Kind, op.Threshold, SqliteTime.Format(op.At),
            op.Spend.Usd.ToString(CultureInfo.InvariantCulture), op.Spend.Tokens) == 1;
        if (added)
        {
            _events.Insert(ISupervisorEvents.FleetNodeId, null, op.EventType, null, op.At, op.EventData);
        }
        batch.Completed(op, added);
    }

    private void Upsert(Budget budget) =>
        _upsert.Run(budget.Name, budget.Scope.ToString(), budget.Window, budget.LimitUsd?.ToString(CultureInfo.InvariantCulture),
            budget.LimitTokens, string.Join(',', budget.Thresholds), budget.Action, budget.Source, SqliteTime.Format(budget.UpdatedAt), budget.UpdatedBy);
}
