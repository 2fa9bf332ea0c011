using System.Buffers;
using System.Text;
using System.Text.Json;
using HalOSwarm.Bench.Load;
using Microsoft.Data.Sqlite;

namespace HalOSwarm.Bench.Ceiling;

/// <summary>
/// The rows a simulated fleet sends, made before any clock starts: <see cref="Nodes"/> nodes of <see cref="Sessions"/>
/// sessions each, the event mix of <see cref="EventFrameWriter"/> (type and data JSON of the first
/// <see cref="DistinctRows"/> events, repeated). Shared by the throughput ceiling and the commit-latency floor.
/// </summary>
internal sealed class FleetRows
{
    public const int Nodes = 200;
    public const int Sessions = 10;
    private const int DistinctRows = 4096;
    private static readonly string[] s_parameters = ["$node", "$seq", "$type", "$session", "$ts", "$data"];
    private readonly string[] _nodeIds;
    private readonly string[][] _sessionIds;
    private readonly string[] _types;
    private readonly string[] _data;

    private FleetRows(string[] nodeIds, string[][] sessionIds, string[] types, string[] data)
    {
        _nodeIds = nodeIds;
        _sessionIds = sessionIds;
        _types = types;
        _data = data;
    }

    public static FleetRows Create(string nodePrefix)
    {
        var nodeIds = Enumerable.Range(0, Nodes).Select(i => $"{nodePrefix}{i:D4}").ToArray();
        var sessionIds = nodeIds.Select(n => Enumerable.Range(0, Sessions).Select(s => $"{n}-s{s:D3}").ToArray()).ToArray();
        var types = new string[DistinctRows];
        var data = new string[DistinctRows];
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        for (var i = 0; i < DistinctRows; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            types[i] = EventFrameWriter.WriteData(writer, i + 1, Sessions);
            writer.Flush();
            data[i] = Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        return new FleetRows(nodeIds, sessionIds, types, data);
    }

    /// <summary>One prepared insert into <c>events</c>; its parameters in the order <see cref="Bind"/> fills them.</summary>
    public static (SqliteCommand Insert, SqliteParameter[] Parameters) PrepareInsert(SqliteConnection connection)
    {
        var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO events (node_id, seq, type, session_id, ts, data) VALUES ($node, $seq, $type, $session, $ts, $data)";
        var parameters = s_parameters.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();
        return (insert, parameters);
    }

    /// <summary>Binds event <paramref name="seq"/> (from 1) of node <paramref name="node"/>.</summary>
    public void Bind(SqliteParameter[] parameters, int node, long seq, string ts)
    {
        var (nodeId, type, sessionId, data) = Row(node, seq);
        parameters[0].Value = nodeId;
        parameters[1].Value = seq;
        parameters[2].Value = type;
        parameters[3].Value = sessionId;
        parameters[4].Value = ts;
        parameters[5].Value = data;
    }

    /// <summary>Event <paramref name="seq"/> (from 1) of node <paramref name="node"/>: its node, type, session and data JSON.</summary>
    public (string NodeId, string Type, string SessionId, string Data) Row(int node, long seq)
    {
        var row = (int)((seq - 1) % DistinctRows);
        return (_nodeIds[node], _types[row], _sessionIds[node][(seq - 1) % Sessions], _data[row]);
    }

    /// <summary>Row <paramref name="index"/> (from 0) in the order the fleet sends: nodes take turns with runs of <paramref name="frameEvents"/> seqs.</summary>
    public static (int Node, long Seq) InSendOrder(long index, int frameEvents)
    {
        var frame = index / frameEvents;
        return ((int)(frame % Nodes), (frame / Nodes * frameEvents) + (index % frameEvents) + 1);
    }
}
