using System.Text;
using HalOSwarm.Supervisor.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>
/// The ledger's upsert, prepared once on the writer's connection and bound by position through SQLite's C API (as the
/// event inserter does): no parameter objects, no boxing, names encoded to UTF-8 once. One call per row and batch.
/// </summary>
internal sealed class SqliteLedgerUpsert : ILedgerUpsert
{
    private const int CacheLimit = 100_000;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly Dictionary<string, byte[]> _utf8 = new(StringComparer.Ordinal);

    public SqliteLedgerUpsert(SqliteWriteContext context)
    {
        _db = context.Connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, LedgerSql.SqliteUpsert, out _statement));
    }

    public void Run(in LedgerKey key, LedgerSums sums)
    {
        var s = _statement;
        raw.sqlite3_bind_text(s, 1, Utf8(key.Hour));
        raw.sqlite3_bind_text(s, 2, Utf8(key.Day));
        raw.sqlite3_bind_text(s, 3, Utf8(key.SessionId));
        raw.sqlite3_bind_text(s, 4, Utf8(key.Provider));
        raw.sqlite3_bind_text(s, 5, Utf8(key.Model));
        raw.sqlite3_bind_text(s, 6, Utf8(key.Account));
        raw.sqlite3_bind_text(s, 7, Utf8(sums.NodeId));
        raw.sqlite3_bind_text(s, 8, Utf8(sums.Project));
        raw.sqlite3_bind_text(s, 9, Utf8(sums.Runtime));
        raw.sqlite3_bind_int64(s, 10, sums.Equivalent ? 1 : 0);
        raw.sqlite3_bind_int64(s, 11, sums.Messages);
        raw.sqlite3_bind_int64(s, 12, sums.PricedMessages);
        raw.sqlite3_bind_int64(s, 13, sums.Input);
        raw.sqlite3_bind_int64(s, 14, sums.Output);
        raw.sqlite3_bind_int64(s, 15, sums.Reasoning);
        raw.sqlite3_bind_int64(s, 16, sums.CacheRead);
        raw.sqlite3_bind_int64(s, 17, sums.CacheWrite);
        raw.sqlite3_bind_int64(s, 18, sums.CostNanos);
        var rc = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc);
        }
    }

    private ReadOnlySpan<byte> Utf8(string value)
    {
        if (!_utf8.TryGetValue(value, out var bytes))
        {
            if (_utf8.Count >= CacheLimit)
            {
                _utf8.Clear();
            }
            bytes = Encoding.UTF8.GetBytes(value);
            _utf8[value] = bytes;
        }
        return bytes;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(_db));
        }
    }

    public void Dispose() => _statement.Dispose();
}
