using System.Text.Json;
using HalOSwarm.Protocol;

namespace HalOSwarm.Bench.Load;

/// <summary>
/// The few fields a simulated agent needs from a supervisor frame, read with one forward pass of
/// <see cref="Utf8JsonReader"/> (acks arrive after every commit; allocating a JsonDocument each would cost).
/// </summary>
internal readonly record struct ServerFrame(string Type, long Seq, string? CommandId)
{
    public static ServerFrame Parse(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        string type = "";
        long seq = 0;
        string? commandId = null;
        var inPayload = false;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }
            if (reader.CurrentDepth == 1)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    type = Intern(reader);
                }
                else if (reader.ValueTextEquals("payload"u8))
                {
                    inPayload = true;
                }
                else
                {
                    reader.Read();
                    reader.TrySkip();
                }
            }
            else if (inPayload && reader.CurrentDepth == 2)
            {
                if (reader.ValueTextEquals("seq"u8) || reader.ValueTextEquals("from_seq"u8) || reader.ValueTextEquals("durable_seq"u8))
                {
                    reader.Read();
                    seq = reader.GetInt64();
                }
                else if (reader.ValueTextEquals("command_id"u8))
                {
                    reader.Read();
                    commandId = reader.GetString();
                }
                else
                {
                    reader.Read();
                    reader.TrySkip();
                }
            }
        }
        return new ServerFrame(type, seq, commandId);
    }

    private static string Intern(Utf8JsonReader reader) =>
        reader.ValueTextEquals("ack"u8) ? MessageTypes.Ack
        : reader.ValueTextEquals("heartbeat"u8) ? MessageTypes.Heartbeat
        : reader.ValueTextEquals("command"u8) ? MessageTypes.Command
        : reader.ValueTextEquals("replay"u8) ? MessageTypes.Replay
        : reader.ValueTextEquals("welcome"u8) ? MessageTypes.Welcome
        : reader.GetString() ?? "";
}
