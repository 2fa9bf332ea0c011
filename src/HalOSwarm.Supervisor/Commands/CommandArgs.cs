using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Configuration;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>
/// Checks a command's arguments against its type, their sizes and the target session's status, and fills in the
/// standard prompts: the stored args are exactly what the agent receives. Prompt text is at most
/// <c>commands.max_prompt_bytes</c> of UTF-8, a title or model at most <see cref="MaxLabelChars"/> characters, and the whole
/// object at most <see cref="ArgsOverheadBytes"/> more than the prompt limit.
/// </summary>
internal static class CommandArgs
{
    public const int MaxLabelChars = 256;
    public const int ArgsOverheadBytes = 16 * 1024;
    private static readonly string[] s_texts = ["prompt", "text"];
    private static readonly string[] s_labels = ["title", "model"];
    private static readonly string[] s_runtimes = [RuntimeNames.OpenCode, RuntimeNames.ClaudeCode, RuntimeNames.Codex, RuntimeNames.Tmux];

    /// <summary>The first size limit <paramref name="args"/> breaks, or null; checked before anything is stored or audited.</summary>
    public static Api.FieldError? SizeProblem(JsonElement args, int maxPromptBytes)
    {
        if (args.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (System.Text.Encoding.UTF8.GetByteCount(args.GetRawText()) > maxPromptBytes + ArgsOverheadBytes)
        {
            return new("args", $"must be at most {maxPromptBytes + ArgsOverheadBytes} bytes of JSON (commands.max_prompt_bytes + {ArgsOverheadBytes})");
        }
        foreach (var key in s_texts)
        {
            if (args.TryGetProperty(key, out var text) && text.ValueKind == JsonValueKind.String
                && System.Text.Encoding.UTF8.GetByteCount(text.GetString()!) > maxPromptBytes)
            {
                return new(key, $"must be at most {maxPromptBytes} bytes of UTF-8 (commands.max_prompt_bytes)");
            }
        }
        foreach (var key in s_labels)
        {
            if (args.TryGetProperty(key, out var label) && label.ValueKind != JsonValueKind.Null
                && (label.ValueKind != JsonValueKind.String || !HalOSwarm.Protocol.ProtocolLimits.IsLabel(label.GetString(), MaxLabelChars)))
            {
                return new(key, $"must be a string of at most {MaxLabelChars} characters without control characters");
            }
        }
        return null;
    }

    public static JsonElement Build(string type, JsonElement args, ResolvedTarget target, PromptsOptions prompts, int maxPromptBytes)
    {
        if (SizeProblem(args, maxPromptBytes) is { } problem)
        {
            throw new CommandRejectedException("invalid_request", $"{problem.Field}: {problem.Message}");
        }
        var obj = args.ValueKind switch
        {
            JsonValueKind.Object => (JsonObject)JsonNode.Parse(args.GetRawText())!,
            JsonValueKind.Undefined or JsonValueKind.Null => new JsonObject(),
            _ => throw new CommandRejectedException("invalid_request", "args: must be a JSON object"),
        };
        CheckSession(type, target);
        switch (type)
        {
            case CommandTypes.Start:
                if (string.IsNullOrWhiteSpace(String(obj, "prompt")))
                {
                    obj["prompt"] = prompts.Init;
                }
                if (obj["runtime"] is { } runtime && (runtime.GetValueKind() != JsonValueKind.String || !s_runtimes.Contains(runtime.GetValue<string>())))
                {
                    throw new CommandRejectedException("invalid_request", $"runtime: must be one of {string.Join(", ", s_runtimes)}");
                }
                if (obj["worktree"] is { } worktree && worktree.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new CommandRejectedException("invalid_request", "worktree: must be true or false");
                }
                break;
            case CommandTypes.Adopt:
                if (String(obj, "external_id") is not { Length: > 0 } external || !ProtocolLimits.IsLabel(external, MaxLabelChars))
                {
                    throw new CommandRejectedException("invalid_request",
                        $"external_id: is required, at most {MaxLabelChars} characters without control characters (see list_adoptable)");
                }
                break;
            case CommandTypes.Prompt or CommandTypes.Inject:
                if (string.IsNullOrEmpty(String(obj, "text")))
                {
                    throw new CommandRejectedException("invalid_request", "text: is required");
                }
                if (obj["interrupt"] is { } interrupt && interrupt.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new CommandRejectedException("invalid_request", "interrupt: must be true or false");
                }
                break;
            case CommandKinds.Restart:
                if (obj["to_node"] is { } toNode && (toNode.GetValueKind() != JsonValueKind.String
                    || toNode.GetValue<string>() is var node && node != RestartTargets.Auto && !ProtocolLimits.IsNodeId(node)))
                {
                    throw new CommandRejectedException("invalid_request", $"to_node: must be a node id or \"{RestartTargets.Auto}\"");
                }
                break;
            case CommandKinds.Resume:
                if (target.SessionStatus is SessionStatuses.Running or SessionStatuses.Starting)
                {
                    throw new CommandRejectedException("conflict",
                        $"session {target.SessionId} is busy ({target.SessionStatus}); resume only prompts an idle session (inject queues text for after the turn)");
                }
                obj = new JsonObject { ["text"] = prompts.Continue };
                break;
        }
        return JsonSerializer.SerializeToElement(obj, AuditJsonContext.Default.JsonNode);
    }

    private static void CheckSession(string type, ResolvedTarget target)
    {
        if (type is not (CommandTypes.Start or CommandTypes.ListAdoptable or CommandTypes.Adopt or CommandTypes.Kill or CommandTypes.Status) && target.SessionStatus is { } status
            && SessionStatuses.IsTerminal(status))
        {
            throw new CommandRejectedException("conflict", $"session {target.SessionId} has ended ({status})");
        }
    }

    private static string? String(JsonObject obj, string key) =>
        obj[key] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
