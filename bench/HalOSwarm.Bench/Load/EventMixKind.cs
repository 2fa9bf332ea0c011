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

    /// <summary>
    /// Like <see cref="Usage"/>, byte for byte, but typed <c>tool.finished</c>: the same rows and index entries, with
    /// nothing for the session projection's usage sums or the cost ledger (the baseline that isolates booking usage).
    /// </summary>
    UsageShaped,
}
