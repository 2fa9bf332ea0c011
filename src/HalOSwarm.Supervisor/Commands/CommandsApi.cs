using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Nodes;
using HalOSwarm.Supervisor.Sessions;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>Commands to agents: start a session in a project, prompt/abort/kill a session, read a command back.</summary>
internal static class CommandsApi
{
    public static IEndpointRouteBuilder MapCommandsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/projects/{project}/start", StartAsync);
        endpoints.MapPost("/api/v1/sessions/{sessionId}/prompt", PromptAsync);
        endpoints.MapPost("/api/v1/sessions/{sessionId}/abort",
            (string sessionId, HttpRequest request, CommandContext context, CancellationToken ct) => SessionCommandAsync(CommandTypes.Abort, sessionId, null, request, context, ct));
        endpoints.MapPost("/api/v1/sessions/{sessionId}/kill",
            (string sessionId, HttpRequest request, CommandContext context, CancellationToken ct) => SessionCommandAsync(CommandTypes.Kill, sessionId, null, request, context, ct));
        endpoints.MapGet("/api/v1/commands/{commandId}", async (string commandId, CommandStore store, CancellationToken ct) =>
            await store.GetAsync(commandId, ct) is { } command
                ? ApiResults.Ok(command, ApiJsonContext.Default.ApiEnvelopeCommandDto)
                : ApiErrors.NotFound($"no command '{commandId}'"));
        return endpoints;
    }

    private static async Task<IResult> StartAsync(string project, HttpRequest request, CommandContext context, NodeQueries nodes, CancellationToken ct)
    {
        var query = new QueryReader(request.Query);
        var wait = ReadWait(query);
        var (body, error) = await RequestBody.ReadAsync(request, ApiJsonContext.Default.StartRequest, new StartRequest(null, null, null, null), ct);
        if (error is not null)
        {
            query.Add("body", error);
        }
        if (query.HasErrors)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        AgentConnection? target;
        if (body!.NodeId is { } nodeId)
        {
            if (!context.Registry.TryGet(nodeId, out var connection))
            {
                return await nodes.GetAsync(nodeId, ct) is null
                    ? ApiErrors.NotFound($"no node '{nodeId}'")
                    : ApiErrors.NodeOffline($"node {nodeId} is offline");
            }
            if (!Hosts(connection, project))
            {
                return ApiErrors.NotFound($"node {nodeId} has no project '{project}'");
            }
            target = connection;
        }
        else
        {
            var candidates = context.Registry.Connections.Where(c => !c.IsClosing && Hosts(c, project)).ToList();
            if (candidates.Count == 0)
            {
                return ApiErrors.NotFound($"no online node hosts project '{project}'");
            }
            var active = await nodes.ActiveSessionCountsAsync(ct);
            target = candidates.OrderBy(c => active.GetValueOrDefault(c.NodeId!)).ThenBy(c => c.NodeId, StringComparer.Ordinal).First();
        }
        var args = JsonSerializer.SerializeToElement(new StartArgs(body.Prompt, body.Title, body.Model), ApiJsonContext.Default.StartArgs);
        return Outcome(await context.Dispatcher.DispatchAsync(target, CommandTypes.Start, null, project, args, wait, ct));
    }

    private static async Task<IResult> PromptAsync(string sessionId, HttpRequest request, CommandContext context, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync(request, ApiJsonContext.Default.PromptRequest, new PromptRequest(null), ct);
        if (error is not null)
        {
            return ApiErrors.Invalid([new FieldError("body", error)]);
        }
        if (string.IsNullOrEmpty(body!.Text))
        {
            return ApiErrors.Invalid([new FieldError("text", "is required")]);
        }
        var args = JsonSerializer.SerializeToElement(body, ApiJsonContext.Default.PromptRequest);
        return await SessionCommandAsync(CommandTypes.Prompt, sessionId, args, request, context, ct);
    }

    private static async Task<IResult> SessionCommandAsync(
        string type, string sessionId, JsonElement? args, HttpRequest request, CommandContext context, CancellationToken ct)
    {
        var query = new QueryReader(request.Query);
        var wait = ReadWait(query);
        if (query.HasErrors)
        {
            return ApiErrors.Invalid(query.Errors);
        }
        if (await context.Sessions.GetAsync(sessionId, ct) is not { } session)
        {
            return ApiErrors.NotFound($"no session '{sessionId}'");
        }
        if (!context.Registry.TryGet(session.NodeId, out var connection) || connection.IsClosing)
        {
            return ApiErrors.NodeOffline($"node {session.NodeId} of session {sessionId} is offline");
        }
        var payload = args ?? JsonSerializer.SerializeToElement(new StartArgs(null, null, null), ApiJsonContext.Default.StartArgs);
        return Outcome(await context.Dispatcher.DispatchAsync(connection, type, sessionId, session.Project, payload, wait, ct));
    }

    private static TimeSpan ReadWait(QueryReader query)
    {
        var seconds = query.Long("wait", min: 1);
        if (seconds > 600)
        {
            query.Add("wait", "must be at most 600 seconds");
        }
        return TimeSpan.FromSeconds(seconds ?? 30);
    }

    private static bool Hosts(AgentConnection connection, string project) =>
        connection.Hello?.Projects?.Any(p => p.Name == project) == true;

    private static IResult Outcome(CommandDto command) => command.State switch
    {
        CommandStates.Succeeded => ApiResults.Ok(command, ApiJsonContext.Default.ApiEnvelopeCommandDto),
        CommandStates.TimedOut => ApiErrors.CommandTimeout($"command {command.CommandId} timed out: {command.Error}", command),
        _ => ApiErrors.CommandFailed($"command {command.CommandId} failed: {command.Error ?? command.ErrorCode ?? "no reason given"}", command),
    };
}
