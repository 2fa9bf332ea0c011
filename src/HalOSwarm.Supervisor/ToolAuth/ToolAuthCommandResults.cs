using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Nodes;

namespace HalOSwarm.Supervisor.ToolAuth;

/// <summary>
/// Sends <c>auth_check</c> / <c>auth_login</c> to a node through the command service (stored, audited) and reads their
/// answers. A node id that is not one, an unknown node and an offline node are refused before anything is stored.
/// </summary>
internal sealed class ToolAuthCommandResults(ICommandService commands, NodeQueries nodes, AgentRegistry registry)
{
    public async Task<(CommandDto? Command, IResult? Error)> SubmitAsync(HttpRequest request, string nodeId, string type, JsonElement args,
        CancellationToken cancellationToken)
    {
        if (ApiCaller.Actor(request, out var actorError) is not { } actor)
        {
            return (null, ApiErrors.Invalid([new FieldError(ApiCaller.ActorHeader, actorError!)]));
        }
        if (ProtocolLimits.NodeIdProblem(nodeId) is { } problem)
        {
            return (null, ApiErrors.Invalid([new FieldError("node_id", problem)]));
        }
        if (await nodes.GetAsync(nodeId, cancellationToken) is null)
        {
            return (null, ApiErrors.NotFound($"no node '{nodeId}'"));
        }
        if (!registry.IsConnected(nodeId))
        {
            return (null, ApiErrors.NodeOffline($"node '{nodeId}' is offline: its agent is not connected"));
        }
        CommandDto command;
        try
        {
            command = await commands.SubmitAsync(new CommandSubmission(type, null, null, nodeId, args, actor,
                Wait: TimeSpan.FromSeconds(ToolAuthApi.WaitSec), SourceAddress: ApiCaller.SourceAddress(request.HttpContext)), cancellationToken);
        }
        catch (CommandRejectedException ex)
        {
            return (null, ex.Code == "not_found" ? ApiErrors.NotFound(ex.Message) : ApiErrors.Error(StatusCodes.Status409Conflict, ex.Message, ex.Code));
        }
        var shown = CommandViews.Public(command);
        return command.State switch
        {
            CommandStates.Succeeded => (command, null),
            CommandStates.TimedOut => (command, ApiErrors.CommandTimeout($"command {command.CommandId} timed out: {command.Error}", shown)),
            CommandStates.Failed when command.ErrorCode == CommandErrorCodes.NodeOffline => (command, ApiErrors.NodeOffline($"command {command.CommandId} failed: {command.Error}")),
            CommandStates.Failed or CommandStates.Cancelled => (command, ApiErrors.CommandFailed(
                $"command {command.CommandId} {command.State}: {command.Error ?? command.ErrorCode ?? "no reason given"}", shown)),
            _ => (command, ApiErrors.CommandTimeout($"command {command.CommandId} is {command.State} after {ToolAuthApi.WaitSec} s; see GET /api/v1/commands/{command.CommandId}", shown)),
        };
    }

    /// <summary>The tools an <c>auth_check</c> answered, bounded like the stored ones.</summary>
    public static IReadOnlyList<ToolAuthStatusDto>? Tools(CommandDto command)
    {
        if (command.Result is not { ValueKind: JsonValueKind.Object } result || !result.TryGetProperty("tools", out var tools) || tools.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        return [.. tools.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.Object && ToolAuthLimits.Tool(t) is not null)
            .Select(t => new ToolAuthStatusDto(ToolAuthLimits.Tool(t)!,
                ToolAuthLimits.Text(t, "status", 32) is { } s && AuthStatuses.All.Contains(s) ? s : AuthStatuses.Unknown,
                ToolAuthLimits.Text(t, "method", 64), ToolAuthLimits.Text(t, "reason", 512), ToolAuthLimits.Time(t, "checked_at") ?? command.UpdatedAt))];
    }

    /// <summary>The login an <c>auth_login</c> answered.</summary>
    public static AuthLoginDto? Login(CommandDto command)
    {
        if (command.Result is not { ValueKind: JsonValueKind.Object } result || ToolAuthLimits.Tool(result) is not { } tool
            || ToolAuthLimits.Text(result, "status", 32) is not { } status)
        {
            return null;
        }
        JsonElement? guidance = result.TryGetProperty("manual_guidance", out var g) && g.ValueKind == JsonValueKind.Object ? g.Clone() : null;
        return new AuthLoginDto(command.CommandId, command.NodeId, tool, status, ToolAuthLimits.Text(result, "verification_url", 2048),
            ToolAuthLimits.Text(result, "user_code", 64), ToolAuthLimits.Time(result, "expires_at"), ToolAuthLimits.Text(result, "reason", 512), guidance,
            command.CreatedAt, command.UpdatedAt);
    }
}
