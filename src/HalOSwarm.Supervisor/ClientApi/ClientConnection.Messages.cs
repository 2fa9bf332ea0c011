using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;

namespace HalOSwarm.Supervisor.ClientApi;

internal sealed partial class ClientConnection
{
    private static readonly JsonDocumentOptions s_json = new() { MaxDepth = 64, AllowDuplicateProperties = false };
    private const string KnownTypes = "subscribe, unsubscribe, command, ping";

    /// <summary>One message: checked, then acted on; every refusal is an <c>error</c> message and the connection stays usable.</summary>
    private async Task HandleAsync(ReadOnlyMemory<byte> message)
    {
        if (!_rate.TryTake())
        {
            Send(ClientMessages.Error(null, ClientErrorCodes.RateLimited,
                $"more than {ClientSocketLimits.MessagesPerSecond} messages per second (burst {ClientSocketLimits.MessageBurst}); this one was dropped"));
            return;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message, s_json);
        }
        catch (JsonException ex)
        {
            Send(ClientMessages.Error(null, ClientErrorCodes.InvalidMessage, "not a JSON message: " + ex.Message));
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                Send(ClientMessages.Error(null, ClientErrorCodes.InvalidMessage, "a message is a JSON object with a type"));
                return;
            }
            string? id = null;
            if (root.TryGetProperty("id", out var idValue) && idValue.ValueKind != JsonValueKind.Null)
            {
                id = idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
                if (!ProtocolLimits.IsLabel(id, ClientSocketLimits.MaxIdChars))
                {
                    Send(ClientMessages.Error(null, ClientErrorCodes.InvalidMessage,
                        $"id: must be a string of 1-{ClientSocketLimits.MaxIdChars} characters without control characters"));
                    return;
                }
            }
            if (!root.TryGetProperty("type", out var typeValue) || typeValue.ValueKind != JsonValueKind.String)
            {
                Send(ClientMessages.Error(id, ClientErrorCodes.InvalidMessage, $"type: is required, one of {KnownTypes}"));
                return;
            }
            var type = typeValue.GetString()!;
            switch (type)
            {
                case "ping":
                    Send(ClientMessages.Ack("pong", id));
                    break;
                case "subscribe" or "unsubscribe" or "command" when id is null:
                    Send(ClientMessages.Error(null, ClientErrorCodes.InvalidMessage, $"id: is required for {type}; the answers carry it"));
                    break;
                case "subscribe":
                    Subscribe(id!, root);
                    break;
                case "unsubscribe":
                    await UnsubscribeAsync(id!);
                    break;
                case "command":
                    await CommandAsync(id!, root);
                    break;
                default:
                    Send(ClientMessages.Error(id, ClientErrorCodes.UnknownType,
                        $"unknown message type '{Security.BoundedText.Cut(type, 64, "…")}'; the types are {KnownTypes}"));
                    break;
            }
        }
    }

    private void Subscribe(string id, JsonElement root)
    {
        if (_subscriptions.ContainsKey(id))
        {
            Send(ClientMessages.Error(id, ClientErrorCodes.InvalidMessage, $"id: '{id}' already names a subscription of this connection; unsubscribe it first"));
            return;
        }
        if (_subscriptions.Count >= ClientSocketLimits.MaxSubscriptions)
        {
            Send(ClientMessages.Error(id, ClientErrorCodes.TooManySubscriptions,
                $"a connection holds at most {ClientSocketLimits.MaxSubscriptions} subscriptions; unsubscribe one first"));
            return;
        }
        var errors = new List<FieldError>();
        long? afterId = null;
        if (root.TryGetProperty("after_id", out var after) && after.ValueKind != JsonValueKind.Null)
        {
            if (after.ValueKind == JsonValueKind.Number && after.TryGetInt64(out var value) && value >= 0)
            {
                afterId = value;
            }
            else
            {
                errors.Add(new FieldError("after_id", "must be an event id (an integer >= 0)"));
            }
        }
        var filter = ClientFilter.Read(root.TryGetProperty("filter", out var given) ? given : null, errors);
        if (filter is null || errors.Count > 0)
        {
            Send(ClientMessages.Error(id, ClientErrorCodes.InvalidMessage,
                "invalid subscription: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), errors));
            return;
        }
        var subscription = new ClientSubscription(id, _feed.Open(filter.Events, afterId, _bufferBytes), filter, _projects, _outbox, _closing.Token);
        _subscriptions[id] = subscription;
        // Acknowledged before its first event can be queued: after "subscribed", every matching event stored is sent.
        Send(ClientMessages.Ack("subscribed", id));
        subscription.Start();
    }

    private async Task UnsubscribeAsync(string id)
    {
        if (!_subscriptions.Remove(id, out var subscription))
        {
            Send(ClientMessages.Error(id, ClientErrorCodes.UnknownSubscription, $"no subscription '{id}' on this connection"));
            return;
        }
        await subscription.DisposeAsync();
        // Queued after the subscription stopped: no event of it follows "unsubscribed".
        Send(ClientMessages.Ack("unsubscribed", id));
    }

    private void Send(byte[] frame) => _outbox.TryEnqueue(frame);
}
