using System.Text;
using System.Text.Json.Serialization;

namespace HalOSwarm.Supervisor.Events;

/// <summary>
/// An event as stored: <see cref="Id"/> is the global cursor, <see cref="Data"/> the raw JSON text. Events the writer
/// just stored keep their data as UTF-8 (<see cref="DataUtf8"/>); the string is made only when someone asks for it.
/// </summary>
[JsonConverter(typeof(StoredEventJsonConverter))]
internal sealed record StoredEvent
{
    private readonly ReadOnlyMemory<byte> _utf8;
    private string? _data;

    public StoredEvent(long id, string nodeId, long? seq, string type, string? sessionId, DateTimeOffset ts, string data)
        : this(id, nodeId, seq, type, sessionId, ts) => _data = data;

    public StoredEvent(long id, string nodeId, long? seq, string type, string? sessionId, DateTimeOffset ts, ReadOnlyMemory<byte> dataUtf8)
        : this(id, nodeId, seq, type, sessionId, ts) => _utf8 = dataUtf8;

    private StoredEvent(long id, string nodeId, long? seq, string type, string? sessionId, DateTimeOffset ts)
    {
        Id = id;
        NodeId = nodeId;
        Seq = seq;
        Type = type;
        SessionId = sessionId;
        Ts = ts;
    }

    public long Id { get; }

    public string NodeId { get; }

    public long? Seq { get; }

    public string Type { get; }

    public string? SessionId { get; }

    public DateTimeOffset Ts { get; }

    /// <summary>The data as JSON text.</summary>
    public string Data => _data ??= Encoding.UTF8.GetString(_utf8.Span);

    /// <summary>The data as UTF-8 JSON when the event came from the writer; empty otherwise (use <see cref="Data"/>).</summary>
    public ReadOnlyMemory<byte> DataUtf8 => _utf8;
}
