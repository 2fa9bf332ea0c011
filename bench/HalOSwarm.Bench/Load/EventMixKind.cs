namespace HalOSwarm.Bench.Load;

/// <summary>Which events a simulated agent records (see <see cref="EventMix"/>).</summary>
internal enum EventMixKind
{
    /// <summary>Turns of a coding session: running, deltas, a tool call, one usage, idle.</summary>
    Turns,

    /// <summary>Every event after <c>session.created</c> is a <c>usage</c> event (each a message of its own): what the cost ledger books.</summary>
    Usage,

    /// <summary>The turns without their usage event (a delta in its place): nothing for the cost ledger.</summary>
    Plain,
}
