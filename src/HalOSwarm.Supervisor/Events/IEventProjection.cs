namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// Keeps a feature's tables in step with a node's stored events, inside the writer's transaction: called for each event
/// the writer stores (never for a duplicate or a refused one), after the session projection, in registration order.
/// Registered with <see cref="EventsServiceCollectionExtensions.AddEventProjection{T}"/>; scoped to the writer's loop
/// and run on its thread only, so it may keep prepared statements and per-batch state (add
/// <see cref="Storage.Writing.IWriteBatchParticipant"/> for the per-batch hooks).
/// </summary>
internal interface IEventProjection
{
    /// <summary>Whether <see cref="Apply"/> wants events of this type (asked per event: keep it cheap).</summary>
    bool Wants(string type);

    /// <summary>Applies a stored event; <paramref name="data"/> is its UTF-8 JSON.</summary>
    void Apply(string nodeId, long seq, string type, string? sessionId, DateTimeOffset ts, ReadOnlyMemory<byte> data);
}
