using System.Data.Common;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>
/// Spend per scope and window, read from the ledger's rows (each read on its own connection). USD is pay-per-token
/// spend: a subscription login's usage at the equivalent price counts only for a budget scoped to its own account (the
/// one way to budget a subscription in USD), never for a global or project budget. Tokens count whatever the account.
/// </summary>
internal sealed class CostLedgerTotals(IDatabase database) : ICostTotals
{
    private const string Sums = """
        SELECT coalesce(sum(CASE WHEN equivalent = 0 OR @account_scope = 1 THEN cost_nanos ELSE 0 END), 0),
               coalesce(sum(input_tokens + output_tokens + reasoning_tokens + cache_read_tokens + cache_write_tokens), 0)
        FROM cost_ledger
        """;

    public async Task<CostSpend> SpendAsync(CostScope scope, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = Sums + " WHERE day_local BETWEEN @first AND @last" + ScopeFilter(command, scope);
        command.AddParameter("@first", LedgerKeys.Day(first));
        command.AddParameter("@last", LedgerKeys.Day(last));
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<CostSpend> SpendSinceAsync(CostScope scope, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = Sums + " WHERE hour_utc >= @since" + ScopeFilter(command, scope);
        command.AddParameter("@since", LedgerKeys.Hour(since));
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> SessionsOfAccountAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DISTINCT session_id FROM cost_ledger WHERE account = @account";
        command.AddParameter("@account", account);
        var sessions = new List<string>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sessions.Add(reader.GetString(0));
        }
        return sessions;
    }

    private static string ScopeFilter(DbCommand command, CostScope scope)
    {
        command.AddParameter("@account_scope", scope.Kind == CostScope.AccountKind ? 1 : 0);
        switch (scope.Kind)
        {
            case CostScope.ProjectKind:
                command.AddParameter("@scope", scope.Name);
                return " AND project = @scope";
            case CostScope.AccountKind:
                command.AddParameter("@scope", scope.Name);
                return " AND account = @scope";
            default:
                return "";
        }
    }

    private static async Task<CostSpend> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new CostSpend(LedgerKeys.FromNanos(reader.GetInt64(0)), reader.GetInt64(1));
    }
}
