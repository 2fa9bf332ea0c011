using System.Data.Common;
using System.Globalization;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>The provider_* tables' writes: a poll's days are deleted and written again, and its status upserted.</summary>
internal sealed class ProviderPollWriteHandler : IWriteHandler<ProviderPollStored>
{
    private readonly DbCommand _deleteUsage;
    private readonly DbCommand _deleteCosts;
    private readonly DbCommand _insertUsage;
    private readonly DbCommand _insertCost;
    private readonly DbCommand _status;

    public ProviderPollWriteHandler(IWriteContext context)
    {
        _deleteUsage = context.Prepare("DELETE FROM provider_usage WHERE provider = @p AND day >= @first AND day <= @last", "@p", "@first", "@last");
        _deleteCosts = context.Prepare("DELETE FROM provider_costs WHERE provider = @p AND day >= @first AND day <= @last", "@p", "@first", "@last");
        _insertUsage = context.Prepare("""
            INSERT INTO provider_usage (provider, day, scope_id, model, project, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
                requests, fetched_at)
            VALUES (@p, @day, @scope, @model, @project, @in, @out, @cr, @cw, @req, @at)
            """, "@p", "@day", "@scope", "@model", "@project", "@in", "@out", "@cr", "@cw", "@req", "@at");
        _insertCost = context.Prepare("""
            INSERT INTO provider_costs (provider, day, scope_id, line_item, model, project, amount_usd, cost_nanos, fetched_at)
            VALUES (@p, @day, @scope, @item, @model, @project, @usd, @nanos, @at)
            """, "@p", "@day", "@scope", "@item", "@model", "@project", "@usd", "@nanos", "@at");
        _status = context.Prepare("""
            INSERT INTO provider_poll_status (provider, state, last_success_at, last_attempt_at, error) VALUES (@p, @state, @ok, @at, @error)
            ON CONFLICT (provider) DO UPDATE SET state = excluded.state, last_success_at = excluded.last_success_at,
                last_attempt_at = excluded.last_attempt_at, error = excluded.error
            """, "@p", "@state", "@ok", "@at", "@error");
    }

    public void Apply(ProviderPollStored op, WriteBatch batch)
    {
        var at = SqliteTime.Format(op.AttemptedAt);
        if (op.Fetch is { } fetch)
        {
            var first = Day(fetch.FirstDay);
            var last = Day(fetch.LastDay);
            _deleteUsage.Run(fetch.Provider, first, last);
            _deleteCosts.Run(fetch.Provider, first, last);
            foreach (var row in fetch.Usage)
            {
                _insertUsage.Run(row.Provider, Day(row.Day), row.ScopeId, row.Model, row.Project, row.InputTokens, row.OutputTokens,
                    row.CacheReadTokens, row.CacheWriteTokens, row.Requests, at);
            }
            foreach (var row in fetch.Costs)
            {
                _insertCost.Run(row.Provider, Day(row.Day), row.ScopeId, row.LineItem, row.Model, row.Project,
                    BillingAmounts.Format(row.AmountUsd), BillingAmounts.ToNanos(row.AmountUsd), at);
            }
        }
        var status = op.Status;
        _status.Run(status.Provider, status.State, SqliteTime.Format(status.LastSuccessAt), at, status.Error);
        batch.Completed(op);
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
