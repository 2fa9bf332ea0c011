using System.Data.Common;
using System.Globalization;
using HalOSwarm.Supervisor.Cost.Ledger;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;

namespace HalOSwarm.Supervisor.Cost.Report;

/// <summary>
/// Reads what the report needs from <c>cost_ledger</c> in one read transaction, so the totals, the rows and the
/// per-provider days are one snapshot: the period's local days by <c>day_local</c>, the providers' UTC days by
/// <c>hour_utc</c>.
/// </summary>
internal static class CostLedgerReader
{
    /// <summary>What is summed per group: messages, priced messages, the five token kinds, metered and equivalent nanos.</summary>
    private static readonly string[] s_sums =
    [
        "sum(messages)", "sum(priced_messages)",
        "sum(input_tokens)", "sum(output_tokens)", "sum(reasoning_tokens)", "sum(cache_read_tokens)", "sum(cache_write_tokens)",
        "coalesce(sum(CASE WHEN equivalent = 0 THEN cost_nanos END), 0)",
        "coalesce(sum(CASE WHEN equivalent <> 0 THEN cost_nanos END), 0)",
    ];

    private static readonly string s_groupSums = string.Join(", ", s_sums);

    /// <summary>The same sums over every group (window functions run before LIMIT), so one scan gives rows and totals.</summary>
    private static readonly string s_totalSums = string.Join(", ", s_sums.Select(sum => $"sum({sum}) OVER ()"));

    public static async Task<LedgerSlice> ReadAsync(IDatabase database, CostReportRequest request, DateOnly utcFirst, DateOnly utcLast,
        CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        using var transaction = connection.BeginSnapshot();
        var (rows, groups, totals) = await RowsAsync(connection, transaction, request, cancellationToken);
        var metered = await MeteredAsync(connection, transaction, utcFirst, utcLast, cancellationToken);
        return new LedgerSlice(totals, rows, groups, metered);
    }

    /// <summary>The first <c>limit</c> groups by cost, how many groups there are, and the totals over all of them (zero without rows).</summary>
    private static async Task<(List<CostRow> Rows, long Groups, CostAmounts Totals)> RowsAsync(DbConnection connection, DbTransaction transaction,
        CostReportRequest request, CancellationToken cancellationToken)
    {
        var columns = string.Join(", ", request.GroupBy.Select(CostDimensions.Column));
        var n = request.GroupBy.Count;
        using var command = Command(connection, transaction, $"""
            SELECT {columns}, {s_groupSums}, count(*) OVER (), {s_totalSums}
            FROM cost_ledger WHERE day_local BETWEEN @first AND @last
            GROUP BY {columns}
            ORDER BY {n + 8} DESC, {n + 9} DESC, {string.Join(", ", Enumerable.Range(1, n))}
            LIMIT @limit
            """, request);
        command.AddParameter("@limit", request.Limit);
        var rows = new List<CostRow>();
        long groups = 0;
        var totals = Amounts(null, 0);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Key(string dimension)
            {
                var index = IndexOf(request.GroupBy, dimension);
                return index < 0 ? null : reader.GetString(index);
            }
            var amounts = Amounts(reader, n);
            rows.Add(new CostRow
            {
                Project = Key(CostDimensions.Project),
                Model = Key(CostDimensions.Model),
                NodeId = Key(CostDimensions.Node),
                Provider = Key(CostDimensions.Provider),
                Account = Key(CostDimensions.Account),
                SessionId = Key(CostDimensions.Session),
                Messages = amounts.Messages,
                PricedMessages = amounts.PricedMessages,
                Tokens = amounts.Tokens,
                CostUsd = amounts.CostUsd,
                EquivalentUsd = amounts.EquivalentUsd,
            });
            groups = reader.GetInt64(n + s_sums.Length);
            totals = Amounts(reader, n + s_sums.Length + 1);
        }
        return (rows, groups, totals);
    }

    private static async Task<List<MeteredDay>> MeteredAsync(DbConnection connection, DbTransaction transaction, DateOnly utcFirst,
        DateOnly utcLast, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT provider, substr(hour_utc, 1, 10), sum(cost_nanos)
            FROM cost_ledger WHERE equivalent = 0 AND hour_utc >= @from AND hour_utc < @until
            GROUP BY 1, 2
            """;
        command.AddParameter("@from", LedgerKeys.Day(utcFirst));
        command.AddParameter("@until", LedgerKeys.Day(utcLast.AddDays(1)));
        var days = new List<MeteredDay>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new MeteredDay(reader.GetString(0), DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                LedgerKeys.FromNanos(reader.GetInt64(2))));
        }
        return days;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, CostReportRequest request)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.AddParameter("@first", LedgerKeys.Day(request.First));
        command.AddParameter("@last", LedgerKeys.Day(request.Last));
        return command;
    }

    /// <summary>The columns of <see cref="s_sums"/> from <paramref name="at"/> on; all zero without a reader.</summary>
    private static CostAmounts Amounts(DbDataReader? reader, int at)
    {
        long Long(int i) => reader is null || reader.IsDBNull(at + i) ? 0 : reader.GetInt64(at + i);
        return new CostAmounts
        {
            Messages = Long(0),
            PricedMessages = Long(1),
            Tokens = new CostTokens { Input = Long(2), Output = Long(3), Reasoning = Long(4), CacheRead = Long(5), CacheWrite = Long(6) },
            CostUsd = LedgerKeys.FromNanos(Long(7)),
            EquivalentUsd = LedgerKeys.FromNanos(Long(8)),
        };
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }
        return -1;
    }
}
