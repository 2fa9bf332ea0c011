using System.Buffers;
using System.Text.Json;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Events;

namespace HalOSwarm.Supervisor.ClientApi;

/// <summary>The messages the supervisor sends on a client WebSocket, each one JSON text frame (docs/API.md).</summary>
internal static class ClientMessages
{
    public static byte[] Welcome(string actor, string role, int maxMessageBytes, long bufferBytes) => Write(w =>
    {
        w.WriteString("type", "welcome");
        w.WriteString("actor", actor);
        w.WriteString("role", role);
        w.WriteStartObject("limits");
        w.WriteNumber("max_message_bytes", maxMessageBytes);
        w.WriteNumber("max_subscriptions", ClientSocketLimits.MaxSubscriptions);
        w.WriteNumber("max_open_commands", ClientSocketLimits.MaxOpenCommands);
        w.WriteNumber("messages_per_sec", ClientSocketLimits.MessagesPerSecond);
        w.WriteNumber("message_burst", ClientSocketLimits.MessageBurst);
        w.WriteNumber("buffer_bytes", bufferBytes);
        w.WriteEndObject();
    });

    public static byte[] Ack(string type, string? id) => Write(w =>
    {
        w.WriteString("type", type);
        if (id is not null)
        {
            w.WriteString("id", id);
        }
    });

    public static byte[] Event(string subscription, StoredEvent stored) => Write(w =>
    {
        w.WriteString("type", "event");
        w.WriteString("subscription", subscription);
        w.WritePropertyName("event");
        StoredEventJsonConverter.WriteEvent(w, stored);
    });

    public static byte[] CommandAccepted(string id, CommandDto command) => Write(w =>
    {
        w.WriteString("type", "command.accepted");
        w.WriteString("id", id);
        w.WriteString("command_id", command.CommandId);
        w.WriteString("state", command.State);
        w.WriteString("correlation_id", command.CorrelationId);
    });

    /// <summary><paramref name="final"/>: the command reached a final state (otherwise it was followed as long as allowed).</summary>
    public static byte[] CommandResult(string id, CommandDto command, bool final) => Write(w =>
    {
        w.WriteString("type", "command.result");
        w.WriteString("id", id);
        w.WriteString("command_id", command.CommandId);
        w.WriteString("state", command.State);
        w.WriteBoolean("final", final);
        w.WritePropertyName("command");
        JsonSerializer.Serialize(w, CommandViews.Public(command), ApiJsonContext.Default.CommandDto);
    });

    public static byte[] Error(string? id, string code, string message, IReadOnlyList<FieldError>? errors = null) => Write(w =>
    {
        w.WriteString("type", "error");
        if (id is null)
        {
            w.WriteNull("id");
        }
        else
        {
            w.WriteString("id", id);
        }
        w.WriteString("code", code);
        w.WriteString("message", message);
        if (errors is { Count: > 0 })
        {
            w.WriteStartArray("errors");
            foreach (var error in errors)
            {
                w.WriteStartObject();
                w.WriteString("field", error.Field);
                w.WriteString("message", error.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
    });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
