using System.Text;
using System.Text.Json;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes.ClaudeCode;

/// <summary>
/// Maps one session's stream-json output (<c>claude -p --output-format stream-json --verbose
/// --include-partial-messages --replay-user-messages</c>), line by line, to normalized events. The output
/// file holds every process the session ever ran, each preceded by a <c>{"type":"hal","event":"start"}</c>
/// line the agent writes (and followed by an <c>exit</c> line once it is gone), so the state the mapping
/// needs (the open turn, the message being written, the cost so far in this process) can always be
/// rebuilt by reading the file from the start.
/// </summary>
internal sealed class ClaudeStreamMapper(string sessionId)
{
    private readonly Dictionary<string, string> _toolNames = new(StringComparer.Ordinal);
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _streamed = new();
    private string? _messageId;
    private string? _messageModel;
    private string? _streamMessageId;
    private decimal _costSoFar;
    private long _contextTokens;
    private TimeSpan? _retryDelay;
    private DateTimeOffset? _limitResetAt;
    private volatile bool _interruptRequested;

    public string SessionId { get; } = sessionId;

    /// <summary>A turn is under way: its prompt was taken (or the program said it started) and its result not yet seen.</summary>
    public bool TurnOpen { get; private set; }

    /// <summary>The model the program last said it uses.</summary>
    public string? Model { get; private set; }

    /// <summary>Lines of the current process read so far (0 right after a start line).</summary>
    public int LinesSinceStart { get; private set; }

    /// <summary>The last line read was the agent's exit line (or nothing was ever started).</summary>
    public bool Exited { get; private set; } = true;

    /// <summary>
    /// Says the agent interrupted the program (abort). Claude usually answers an interrupt with a result
    /// (error_during_execution), but it may exit first; an exit during the turn after this is the abort, not a crash.
    /// In memory only: after an agent restart such an exit reads as the program having ended.
    /// </summary>
    public void InterruptRequested() => _interruptRequested = true;

    /// <summary>The uuid of the prompt the last line echoed back (the program took it), else null.</summary>
    public string? TakenPrompt { get; private set; }

    public IReadOnlyList<PendingEvent> Map(string line, DateTimeOffset now)
    {
        TakenPrompt = null;
        if (string.IsNullOrWhiteSpace(line) || line[0] != '{')
        {
            return [];
        }
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
        var output = new List<PendingEvent>();
        LinesSinceStart++;
        switch (root.Str("type"))
        {
            case "hal":
                MapAgentLine(root, output);
                break;
            case "system":
                MapSystem(root, now, output);
                break;
            case "stream_event" when root.Get("parent_tool_use_id") is null:
                MapStreamEvent(root.Get("event") ?? default, output);
                break;
            case "assistant":
                MapAssistant(root, output);
                break;
            case "user":
                MapUser(root, output);
                break;
            case "rate_limit_event":
                var info = root.Get("rate_limit_info");
                if (info.Get("resetsAt").Long() is { } resets && info.Get("status").Str() != "allowed")
                {
                    _limitResetAt = DateTimeOffset.FromUnixTimeSeconds(resets);
                }
                break;
            case "result":
                MapResult(root, now, output);
                break;
        }
        return output;
    }

    private void MapAgentLine(JsonElement root, List<PendingEvent> output)
    {
        switch (root.Str("event"))
        {
            case "start":
                FlushMessage(output, null);
                TurnOpen = false;
                Exited = false;
                LinesSinceStart = 0;
                _costSoFar = 0;
                _streamMessageId = null;
                _interruptRequested = false;
                break;
            case "exit":
                Exited = true;
                if (TurnOpen)
                {
                    if (_messageId is null && _streamMessageId is not null && _streamed.Length > 0)
                    {
                        // Cut off mid-message: what was streamed is all there will be of it.
                        _messageId = _streamMessageId;
                        _text.Append(_streamed);
                    }
                    if (_interruptRequested)
                    {
                        FlushMessage(output, "aborted");
                        output.Add(ClaudeCodeEvents.Error(SessionId, ClaudeCodeEvents.AbortedErrorName, "the turn was interrupted", null, null, root, null));
                        EndTurn(output, null);
                    }
                    else
                    {
                        FlushMessage(output, "error");
                        output.Add(ClaudeCodeEvents.Error(SessionId, "ProcessExited", root.Str("message"), null, null, root, null));
                        EndTurn(output, "the program ended during the turn");
                    }
                }
                break;
        }
    }

    private void MapSystem(JsonElement root, DateTimeOffset now, List<PendingEvent> output)
    {
        switch (root.Str("subtype"))
        {
            case "init":
                Model = root.Str("model") ?? Model;
                StartTurn(output);
                break;
            case "api_retry":
                var delay = root.Get("retry_delay_ms").Long() is { } ms ? TimeSpan.FromMilliseconds(ms) : (TimeSpan?)null;
                if (root.Get("error_status").Long() == 429)
                {
                    _retryDelay = delay;
                }
                output.Add(ClaudeCodeEvents.Retry(SessionId, root, delay is { } d ? now + d : null));
                break;
            case "compact_boundary":
                output.Add(ClaudeCodeEvents.Status(EventTypes.SessionCompacted, SessionId, root.Get("compact_metadata").Get("trigger").Str(), root,
                    root.Str("uuid") is { } uuid ? "compact:" + uuid : null));
                break;
        }
    }

    private void MapStreamEvent(JsonElement e, List<PendingEvent> output)
    {
        switch (e.Str("type"))
        {
            case "message_start":
                _streamMessageId = e.Get("message").Get("id").Str();
                _streamed.Clear();
                if (_streamMessageId != _messageId)
                {
                    FlushMessage(output, null);
                }
                break;
            case "content_block_delta" when e.Get("delta") is { } delta && delta.Str("type") == "text_delta" && _streamMessageId is not null:
                if (delta.Str("text") is { Length: > 0 } text)
                {
                    _streamed.Append(text);
                    output.Add(ClaudeCodeEvents.Delta(SessionId, _streamMessageId, Json.Invariant(e.Get("index").Long() ?? 0), text));
                }
                break;
        }
    }

    private void MapAssistant(JsonElement root, List<PendingEvent> output)
    {
        var message = root.Get("message") ?? default;
        var id = message.Str("id") ?? root.Str("uuid") ?? "";
        if (message.Str("model") == "<synthetic>")
        {
            // Claude's own notice of an error ("API Error: …"); the result line that follows carries it.
            return;
        }
        var nested = root.Get("parent_tool_use_id") is not null;
        if (!nested && id != _messageId)
        {
            FlushMessage(output, null);
            _messageId = id;
            _messageModel = message.Str("model");
        }
        var usage = message.Get("usage");
        if (!nested && usage is not null)
        {
            _contextTokens = (usage.Get("input_tokens").Long() ?? 0) + (usage.Get("cache_read_input_tokens").Long() ?? 0)
                + (usage.Get("cache_creation_input_tokens").Long() ?? 0);
        }
        foreach (var block in message.Get("content")?.Items() ?? [])
        {
            switch (block.Str("type"))
            {
                case "text" when !nested:
                    _text.Append(block.Str("text"));
                    break;
                case "tool_use":
                    if (block.Str("id") is { } toolId)
                    {
                        _toolNames[toolId] = block.Str("name") ?? "";
                    }
                    output.Add(ClaudeCodeEvents.ToolStarted(SessionId, block, id, root));
                    break;
            }
        }
    }

    private void MapUser(JsonElement root, List<PendingEvent> output)
    {
        var content = root.Get("message").Get("content");
        if (root.Get("isReplay").IsTrue())
        {
            // The prompt the agent wrote, echoed back as the program takes it: the turn starts here.
            StartTurn(output);
            var uuid = root.Str("uuid") ?? "";
            TakenPrompt = uuid;
            output.Add(ClaudeCodeEvents.Message(SessionId, uuid, "user", ClaudeCodeEvents.ContentText(content), null, null, null));
            return;
        }
        if (root.Get("parent_tool_use_id") is null)
        {
            // Claude notes an interrupt as a user text ("[Request interrupted by user]").
            var interrupted = ClaudeCodeEvents.ContentText(content).StartsWith("[Request interrupted", StringComparison.Ordinal);
            FlushMessage(output, interrupted ? "aborted" : null);
        }
        foreach (var block in content?.Items() ?? [])
        {
            if (block.Str("type") == "tool_result")
            {
                var toolId = block.Str("tool_use_id") ?? "";
                output.Add(ClaudeCodeEvents.ToolFinished(SessionId, block, _toolNames.GetValueOrDefault(toolId), null, root));
            }
        }
    }

    private void MapResult(JsonElement root, DateTimeOffset now, List<PendingEvent> output)
    {
        var subtype = root.Str("subtype") ?? "success";
        var uuid = root.Str("uuid") ?? Guid.NewGuid().ToString("N");
        var aborted = subtype == "error_during_execution" && (root.Str("terminal_reason")?.StartsWith("aborted", StringComparison.Ordinal) ?? true);
        _interruptRequested = false;
        FlushMessage(output, aborted ? "aborted" : root.Str("stop_reason"));
        AddUsage(root, uuid, output);
        if (root.Get("is_error").IsTrue() || subtype != "success")
        {
            output.Add(ResultError(root, subtype, aborted, now, uuid));
        }
        EndTurn(output, null, "idle:" + uuid);
    }

    private PendingEvent ResultError(JsonElement root, string subtype, bool aborted, DateTimeOffset now, string uuid)
    {
        var key = "error:" + uuid;
        if (aborted)
        {
            return ClaudeCodeEvents.Error(SessionId, ClaudeCodeEvents.AbortedErrorName, "the turn was interrupted", null, null, root, key);
        }
        if (subtype != "success")
        {
            var errors = string.Join("; ", root.Get("errors")?.Items().Select(e => ((JsonElement?)e).Str()).OfType<string>() ?? []);
            return ClaudeCodeEvents.Error(SessionId, subtype, errors.Length > 0 ? errors : subtype, null, null, root, key);
        }
        var status = root.Get("api_error_status").Long() is { } code ? (int)code : (int?)null;
        var message = root.Str("result");
        if (status == 429 || message?.Contains("limit", StringComparison.OrdinalIgnoreCase) == true && message.Contains("429", StringComparison.Ordinal))
        {
            var resetAt = _limitResetAt is { } limit && limit > now ? limit : _retryDelay is { } delay ? now + delay : (DateTimeOffset?)null;
            _limitResetAt = null;
            _retryDelay = null;
            return ClaudeCodeEvents.Error(SessionId, "RateLimitError", message, status, resetAt, root, key);
        }
        return ClaudeCodeEvents.Error(SessionId, "APIError", message, status, null, root, key);
    }

    private void AddUsage(JsonElement root, string uuid, List<PendingEvent> output)
    {
        var usage = root.Get("usage");
        var tokens = new TokenCounts(
            usage.Get("input_tokens").Long() ?? 0,
            usage.Get("output_tokens").Long() ?? 0,
            0,
            usage.Get("cache_read_input_tokens").Long() ?? 0,
            usage.Get("cache_creation_input_tokens").Long() ?? 0);
        // total_cost_usd is what this process spent so far, over all its turns; a turn's cost is the difference.
        var total = root.Get("total_cost_usd").Decimal() ?? _costSoFar;
        var cost = total >= _costSoFar ? total - _costSoFar : total;
        _costSoFar = total;
        if (tokens == TokenCounts.Zero && cost == 0)
        {
            return;
        }
        var model = root.Get("modelUsage") is { ValueKind: JsonValueKind.Object } models ? models.EnumerateObject().Select(p => p.Name).LastOrDefault() : null;
        output.Add(ClaudeCodeEvents.Usage(SessionId, uuid, model ?? _messageModel ?? Model, tokens, cost, _contextTokens, root));
    }

    private void StartTurn(List<PendingEvent> output)
    {
        if (TurnOpen)
        {
            return;
        }
        TurnOpen = true;
        output.Add(ClaudeCodeEvents.Status(EventTypes.SessionRunning, SessionId));
        output.Add(ClaudeCodeEvents.Activity(SessionId, ActivityStates.Working));
    }

    private void EndTurn(List<PendingEvent> output, string? reason, string? onceKey = null)
    {
        TurnOpen = false;
        _streamMessageId = null;
        output.Add(ClaudeCodeEvents.Status(EventTypes.SessionIdle, SessionId, reason, null, onceKey));
        output.Add(ClaudeCodeEvents.Activity(SessionId, ActivityStates.Idle));
    }

    private void FlushMessage(List<PendingEvent> output, string? finish)
    {
        if (_messageId is null)
        {
            return;
        }
        if (_text.Length > 0)
        {
            output.Add(ClaudeCodeEvents.Message(SessionId, _messageId, "assistant", _text.ToString(), _messageModel, finish, null));
        }
        _text.Clear();
        _messageId = null;
    }
}
