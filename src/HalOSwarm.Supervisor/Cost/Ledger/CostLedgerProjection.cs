using System.Data.Common;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Events;
using HalOSwarm.Supervisor.Storage;
using HalOSwarm.Supervisor.Storage.Sqlite;
using HalOSwarm.Supervisor.Storage.Writing;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Cost.Ledger;

/// <summary>
/// Books every stored <c>usage</c> event to the ledger, inside the transaction that stores the event: the writer stores
/// an agent event once by (node_id, seq) and calls projections only for what it stored, so a replayed or duplicated
/// frame books nothing, and a rolled-back batch books nothing either (its sums are dropped with it). Sums are kept per
/// row in memory while the batch is applied and written with one upsert per row just before the commit. Runs on the
/// writer's thread: it reads only usage events, without building a document.
/// </summary>
internal sealed class CostLedgerProjection : IEventProjection, IWriteBatchParticipant, IDisposable
{
    public const string Unknown = "unknown";
    private const int SessionCacheLimit = 100_000;
    private static readonly long QuarterTicks = TimeSpan.FromMinutes(15).Ticks; // every zone's offset is a multiple of it
    private readonly CostCalendar _calendar;
    private readonly LedgerRates _rates;
    private readonly LedgerAccounts _accounts;
    private readonly ILedgerUpsert _upsert;
    private readonly DbCommand _session;
    private readonly Dictionary<LedgerKey, LedgerSums> _batch = [];
    private readonly LedgerNames _names = new();
    private readonly Dictionary<string, (string Project, string Runtime)> _sessions = new(StringComparer.Ordinal);
    private long _quarter = long.MinValue;
    private string _hour = "";
    private string _day = "";

    public CostLedgerProjection(IWriteContext context, CostCalendar calendar, IOptions<CostOptions> options)
    {
        _calendar = calendar;
        _rates = new LedgerRates(options.Value.Rates);
        _accounts = new LedgerAccounts(options.Value.Accounts);
        _upsert = ILedgerUpsert.Create(context);
        _session = context.Prepare(LedgerSql.Session, "@sid");
    }

    public bool Wants(string type) => type is EventTypes.Usage or EventTypes.SessionCreated;

    public void Apply(string nodeId, long seq, string type, string? sessionId, DateTimeOffset ts, ReadOnlyMemory<byte> data)
    {
        if (sessionId is null)
        {
            return;
        }
        if (type == EventTypes.SessionCreated)
        {
            _sessions.Remove(sessionId); // it may have been a placeholder without project and runtime
            return;
        }
        if (!LedgerUsage.TryRead(data.Span, _names, out var usage))
        {
            return;
        }
        var (project, runtime) = Session(sessionId);
        var provider = string.IsNullOrEmpty(usage.Provider) ? Unknown : usage.Provider;
        var model = string.IsNullOrEmpty(usage.Model) ? Unknown : usage.Model;
        var (account, equivalent) = _accounts.Find(provider, runtime, nodeId, project);
        var priced = usage.CostUsd <= 0;
        var cost = priced ? (_rates.Find(model) is { } rate ? LedgerRates.Price(usage, rate) : 0m) : usage.CostUsd;
        Keys(ts);
        var key = new LedgerKey(_hour, _day, sessionId, provider, model, account);
        if (!_batch.TryGetValue(key, out var sums))
        {
            sums = new LedgerSums(nodeId, project, runtime, equivalent);
            _batch[key] = sums;
        }
        sums.Add(usage, LedgerKeys.ToNanos(cost), priced);
    }

    void IWriteBatchParticipant.Begin() => _batch.Clear();

    void IWriteBatchParticipant.Flush()
    {
        foreach (var (key, sums) in _batch)
        {
            _upsert.Run(key, sums);
        }
        _batch.Clear();
    }

    void IWriteBatchParticipant.RolledBack()
    {
        _batch.Clear();
        _sessions.Clear(); // what was read inside the rolled-back transaction may not exist
    }

    /// <summary>Idempotent: registered as a projection and as a participant, the writer's scope disposes it twice.</summary>
    public void Dispose() => _upsert.Dispose();

    /// <summary>The session's project and runtime (the session projection wrote its row earlier in this transaction).</summary>
    private (string Project, string Runtime) Session(string sessionId)
    {
        if (_sessions.TryGetValue(sessionId, out var known))
        {
            return known;
        }
        _session.Set(0, sessionId);
        string? project = null, runtime = null;
        using (var reader = _session.ExecuteReader())
        {
            if (reader.Read())
            {
                project = reader.IsDBNull(0) ? null : reader.GetString(0);
                runtime = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }
        var attributes = (string.IsNullOrEmpty(project) ? Unknown : project, string.IsNullOrEmpty(runtime) ? Unknown : runtime);
        if (project is not null && runtime is not null)
        {
            if (_sessions.Count >= SessionCacheLimit)
            {
                _sessions.Clear();
            }
            _sessions[sessionId] = attributes; // a placeholder (no session.created yet) is read again next time
        }
        return attributes;
    }

    /// <summary>The UTC hour and local day of <paramref name="ts"/>, computed once per quarter hour.</summary>
    private void Keys(DateTimeOffset ts)
    {
        var quarter = ts.UtcTicks / QuarterTicks;
        if (quarter == _quarter)
        {
            return;
        }
        _quarter = quarter;
        _hour = LedgerKeys.Hour(ts);
        _day = LedgerKeys.Day(_calendar.LocalDay(ts));
    }
}
