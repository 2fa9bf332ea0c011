using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace HalOSwarm.Testing.FakeChat.Slack;

public sealed partial class FakeSlack
{
    private async Task ApiAsync(HttpContext context, string method)
    {
        var request = context.Request;
        var auth = request.Headers.Authorization.ToString();
        var token = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null;
        JsonObject body;
        try
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(context.RequestAborted);
            body = text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            await AnswerAsync(context, method, token, [], Error("invalid_json"));
            return;
        }
        if (_rateLimits.TryGetValue(method, out var limits) && limits.TryDequeue(out var seconds))
        {
            _calls.Enqueue(new FakeSlackCall(method, token, request.ContentType, body, 429, "ratelimited", null));
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await WriteAsync(context, 429, Error("ratelimited"));
            return;
        }
        var answer = method switch
        {
            "chat.postMessage" => PostMessage(token, body),
            "chat.update" => Update(token, body),
            "apps.connections.open" => OpenConnection(token),
            _ => Error("unknown_method"),
        };
        await AnswerAsync(context, method, token, body, answer);
    }

    private Task AnswerAsync(HttpContext context, string method, string? token, JsonObject body, JsonObject answer)
    {
        var error = answer["ok"]?.GetValue<bool>() == true ? null : answer["error"]?.GetValue<string>();
        _calls.Enqueue(new FakeSlackCall(method, token, context.Request.ContentType, body, 200, error, answer["ts"]?.GetValue<string>()));
        return WriteAsync(context, 200, answer);
    }

    private JsonObject PostMessage(string? token, JsonObject body)
    {
        if (token is null)
        {
            return Error("not_authed");
        }
        if (token != BotToken)
        {
            return Error("invalid_auth");
        }
        var channel = body["channel"]?.GetValue<string>();
        if (string.IsNullOrEmpty(channel) || (channel[0] != 'C' && channel[0] != 'G') || MissingChannels.Contains(channel))
        {
            return Error("channel_not_found");
        }
        if (body["text"] is null && body["blocks"] is null)
        {
            return Error("no_text");
        }
        var ts = NextTs();
        _messages[ts] = (channel, body.DeepClone().AsObject());
        return new JsonObject
        {
            ["ok"] = true,
            ["channel"] = channel,
            ["ts"] = ts,
            ["message"] = new JsonObject { ["type"] = "message", ["bot_id"] = "B0FAKE0001", ["text"] = body["text"]?.DeepClone(), ["ts"] = ts },
        };
    }

    private JsonObject Update(string? token, JsonObject body)
    {
        if (token != BotToken)
        {
            return Error(token is null ? "not_authed" : "invalid_auth");
        }
        var channel = body["channel"]?.GetValue<string>();
        var ts = body["ts"]?.GetValue<string>();
        if (ts is null || !_messages.TryGetValue(ts, out var message))
        {
            return Error("message_not_found");
        }
        if (message.Channel != channel)
        {
            return Error("channel_not_found");
        }
        _messages[ts] = (channel, body.DeepClone().AsObject());
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts, ["text"] = body["text"]?.DeepClone() };
    }

    private JsonObject OpenConnection(string? token)
    {
        if (token is null)
        {
            return Error("not_authed");
        }
        if (token.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            return Error("not_allowed_token_type");
        }
        if (token != AppToken)
        {
            return Error("invalid_auth");
        }
        var ticket = Interlocked.Increment(ref _opened);
        var url = new UriBuilder(BaseUrl) { Scheme = "ws", Path = "link", Query = "ticket=" + ticket.ToString(CultureInfo.InvariantCulture) + "&app_id=" + FakeSlackPayloads.AppId };
        return new JsonObject { ["ok"] = true, ["url"] = url.Uri.ToString() };
    }

    /// <summary>The message as last posted or updated (its body), by ts; null when unknown.</summary>
    public JsonObject? Message(string ts) => _messages.TryGetValue(ts, out var message) ? message.Body : null;

    private async Task ResponseUrlAsync(HttpContext context)
    {
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
            if (body is null)
            {
                await WriteAsync(context, 400, Error("invalid_payload"));
                return;
            }
            _responses.Enqueue(body);
            await WriteAsync(context, 200, new JsonObject { ["ok"] = true });
        }
        catch (JsonException)
        {
            await WriteAsync(context, 400, Error("invalid_payload"));
        }
    }

    private static JsonObject Error(string error) => new() { ["ok"] = false, ["error"] = error };
}
