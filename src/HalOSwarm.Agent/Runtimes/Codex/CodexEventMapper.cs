using System.Text;
using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes.Codex;

/// <summary>
/// Turns the lines one <c>codex app-server</c> writes (JSON-RPC responses, notifications and requests
/// to the client) into normalized events, keeping the little state a thread needs: the running turn, the
/// text streamed so far per message, the last usage total booked, the last rate-limit snapshot and the
/// approvals waiting for an answer. The state depends only on the lines seen, so after an agent restart
/// feeding it the lines before the durable cursor (<see cref="Replay"/>) restores it exactly.
/// </summary>
internal sealed class CodexEventMapper(string threadId, CodexOptions options)
{
    private readonly Dictionary<string, StringBuilder> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PendingApproval> _approvals = new(StringComparer.Ordinal);
    private CodexTokens _total = CodexTokens.Zero;
    private CodexTokens _booked = CodexTokens.Zero;
    private long _context;
    private JsonElement? _rateLimits;

    public string ThreadId => threadId;

    public string? ActiveTurnId { get; private set; }

    public string? Model { get; private set; }

    public IReadOnlyDictionary<string, PendingApproval> Approvals => _approvals;

    public void Replay(string line) => _ = Map(line);

    public IReadOnlyList<PendingEvent> Map(string line)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return [];
        }
        var method = root.Str("method");
        var p = root.Get("params") ?? default;
        if (method is null)
        {
            Response(root.Get("result"));
            return [];
        }
        if (p.Str("threadId") is { } other && other != threadId)
        {
            return [];
        }
        if (root.Get("id") is { } id)
        {
            return Request(method, id, p);
        }
        return method switch
        {
            "thread/started" => Thread(p.Get("thread")),
            "turn/started" => TurnStarted(p),
            "turn/completed" => TurnCompleted(p),
            "item/started" => ItemStarted(p),
            "item/completed" => ItemCompleted(p),
            "item/agentMessage/delta" => Delta(p),
            "thread/tokenUsage/updated" => TokenUsage(p),
            "account/rateLimits/updated" => RateLimits(p),
            "serverRequest/resolved" => Resolved(p),
            "thread/compacted" => [CodexEvents.Status(EventTypes.SessionCompacted, threadId, null, p, null)],
            "error" => Error(p),
            _ => [],
        };
    }

    private void Response(JsonElement? result)
    {
        // thread/start or thread/resume answered: the thread's model; turn/start answered: the turn runs.
        Thread(result.Get("thread"));
        if (result.Get("turn") is { } turn && turn.Str("status") == "inProgress")
        {
            ActiveTurnId = turn.Str("id");
        }
    }

    private IReadOnlyList<PendingEvent> Thread(JsonElement? thread)
    {
        if (thread?.Str("id") == threadId)
        {
            Model = thread?.Str("model") ?? Model;
        }
        return [];
    }

    private IReadOnlyList<PendingEvent> TurnStarted(JsonElement p)
    {
        var turnId = p.Get("turn").Get("id").Str();
        ActiveTurnId = turnId;
        return [CodexEvents.Status(EventTypes.SessionRunning, threadId, null, null, "running:" + turnId)];
    }

    private List<PendingEvent> TurnCompleted(JsonElement p)
    {
        var turn = p.Get("turn");
        var turnId = turn.Get("id").Str() ?? "";
        var status = turn.Get("status").Str();
        var events = new List<PendingEvent>();
        // Messages cut off by an interrupt never complete: what streamed is their text.
        foreach (var (messageId, text) in _open.Where(o => o.Key.StartsWith(turnId + "/", StringComparison.Ordinal)).ToList())
        {
            events.Add(CodexEvents.Message(threadId, messageId, "assistant", text.ToString(), Model, status, null));
            _open.Remove(messageId);
        }
        var used = _total.Since(_booked);
        _booked = _total;
        if (!used.IsZero)
        {
            var model = Model ?? options.Model;
            var rate = model is not null && options.Rates.TryGetValue(model, out var r) ? r : null;
            events.Add(CodexEvents.Usage(threadId, turnId, options.Provider?.Name, model, used, used.Cost(rate), _context, null));
        }
        if (status == "failed")
        {
            events.Add(CodexEvents.Error(threadId, turnId, turn.Get("error"), _rateLimits, p));
        }
        foreach (var key in _approvals.Where(a => a.Value.TurnId == turnId).Select(a => a.Key).ToList())
        {
            _approvals.Remove(key);
        }
        ActiveTurnId = null;
        events.Add(CodexEvents.Status(EventTypes.SessionIdle, threadId, status == "completed" ? null : status, null, "idle:" + turnId));
        return events;
    }

    private IReadOnlyList<PendingEvent> ItemStarted(JsonElement p)
    {
        var item = p.Get("item") ?? default;
        var turnId = p.Str("turnId");
        return item.Str("type") switch
        {
            "agentMessage" => Open(CodexEvents.MessageId(turnId, item.Str("id"))),
            "commandExecution" or "fileChange" or "mcpToolCall" => [CodexEvents.ToolStarted(threadId, turnId, item)],
            _ => [],
        };
    }

    private IReadOnlyList<PendingEvent> Open(string messageId)
    {
        _open[messageId] = new StringBuilder();
        return [];
    }

    private IReadOnlyList<PendingEvent> ItemCompleted(JsonElement p)
    {
        var item = p.Get("item") ?? default;
        var turnId = p.Str("turnId");
        var messageId = CodexEvents.MessageId(turnId, item.Str("id"));
        switch (item.Str("type"))
        {
            case "agentMessage":
                _open.Remove(messageId);
                return [CodexEvents.Message(threadId, messageId, "assistant", item.Str("text") ?? "", Model, "completed", item)];
            case "userMessage":
                var text = string.Concat((item.Get("content") ?? default).Items().Where(c => c.Str("type") == "text").Select(c => c.Str("text")));
                return [CodexEvents.Message(threadId, messageId, "user", text, null, null, item)];
            case "commandExecution" or "fileChange" or "mcpToolCall":
                return [CodexEvents.ToolStarted(threadId, turnId, item), CodexEvents.ToolFinished(threadId, turnId, item)];
            default:
                return [];
        }
    }

    private IReadOnlyList<PendingEvent> Delta(JsonElement p)
    {
        var messageId = CodexEvents.MessageId(p.Str("turnId"), p.Str("itemId"));
        var text = p.Str("delta") ?? "";
        if (!_open.TryGetValue(messageId, out var open))
        {
            _open[messageId] = open = new StringBuilder();
        }
        open.Append(text);
        return text.Length == 0 ? [] : [CodexEvents.Delta(threadId, messageId, text)];
    }

    private IReadOnlyList<PendingEvent> TokenUsage(JsonElement p)
    {
        var usage = p.Get("tokenUsage");
        _total = CodexTokens.From(usage.Get("total"));
        _context = usage.Get("last").Get("inputTokens").Long() ?? _context;
        if (ActiveTurnId is null)
        {
            // Outside a turn (a resumed thread's history): the baseline, not usage of ours.
            _booked = _total;
        }
        return [];
    }

    private IReadOnlyList<PendingEvent> RateLimits(JsonElement p)
    {
        _rateLimits = p.Get("rateLimits");
        return [];
    }

    private IReadOnlyList<PendingEvent> Error(JsonElement p) =>
        p.Get("willRetry").IsTrue()
            ? [CodexEvents.Retry(threadId, p.Get("error"), p)]
            : [CodexEvents.Error(threadId, p.Str("turnId"), p.Get("error"), _rateLimits, p)];

    private IReadOnlyList<PendingEvent> Request(string method, JsonElement id, JsonElement p)
    {
        if (method is not ("item/commandExecution/requestApproval" or "item/fileChange/requestApproval" or "execCommandApproval" or "applyPatchApproval"))
        {
            return [];
        }
        var turnId = p.Str("turnId") ?? ActiveTurnId;
        var permissionId = $"{turnId}/{id.GetRawText().Trim('"')}";
        _approvals[permissionId] = new PendingApproval(id.GetRawText(), method, turnId);
        return [CodexEvents.PermissionAsked(threadId, permissionId, method, p)];
    }

    private IReadOnlyList<PendingEvent> Resolved(JsonElement p)
    {
        var raw = p.Get("requestId")?.GetRawText();
        foreach (var key in _approvals.Where(a => a.Value.RequestIdJson == raw).Select(a => a.Key).ToList())
        {
            _approvals.Remove(key);
        }
        return [];
    }
}

/// <summary>A server→client approval request waiting for the supervisor's answer: its JSON-RPC id as written, and its method.</summary>
internal sealed record PendingApproval(string RequestIdJson, string Method, string? TurnId);
