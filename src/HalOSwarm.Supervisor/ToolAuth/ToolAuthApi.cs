using System.Text.Json;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;
using HalOSwarm.Supervisor.Api;
using HalOSwarm.Supervisor.Audit;
using HalOSwarm.Supervisor.Commands;
using HalOSwarm.Supervisor.Security;

namespace HalOSwarm.Supervisor.ToolAuth;

/// <summary>
/// <c>/api/v1/auth</c>: the login status of the nodes' agent programs with each node's credential sync (viewer), a check
/// now (operator: <c>auth_check</c>), a remote login (operator: <c>auth_login</c>) and a login's state (viewer).
/// </summary>
internal static class ToolAuthApi
{
    /// <summary>How long a check or the start of a login may take at the agent before the answer is 504 (the command goes on).</summary>
    public const int WaitSec = 30;
    /// <summary>The largest login body accepted.</summary>
    public const int MaxBodyBytes = 1024;

    public static IEndpointRouteBuilder MapToolAuthApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/auth", async (NodeAuthViews views, CancellationToken ct) =>
            ApiResults.Ok(await views.ListAsync(ct), ToolAuthJsonContext.Default.ApiEnvelopeIReadOnlyListNodeAuthDto));
        endpoints.MapGet("/auth/nodes/{nodeId}", GetNodeAsync);
        endpoints.MapGet("/auth/logins/{loginId}", GetLoginAsync);
        var operators = endpoints.MapGroup("").RequireAuthorization(SupervisorPolicies.Operator);
        operators.MapPost("/auth/nodes/{nodeId}/check", CheckAsync);
        operators.MapPost("/auth/nodes/{nodeId}/login", LoginAsync);
        return endpoints;
    }

    private static async Task<IResult> GetNodeAsync(string nodeId, NodeAuthViews views, CancellationToken cancellationToken) =>
        ProtocolLimits.NodeIdProblem(nodeId) is { } problem ? ApiErrors.Invalid([new FieldError("node_id", problem)])
        : await views.GetAsync(nodeId, null, cancellationToken) is { } view ? ApiResults.Ok(view, ToolAuthJsonContext.Default.ApiEnvelopeNodeAuthDto)
        : ApiErrors.NotFound($"no node '{nodeId}'");

    private static async Task<IResult> GetLoginAsync(string loginId, ToolAuthQueries queries, ICommandService commands, CancellationToken cancellationToken)
    {
        if (!ProtocolLimits.IsCommandId(loginId))
        {
            return ApiErrors.Invalid([new FieldError("login_id", "must be the id of an auth_login command (1-64 characters of A-Z a-z 0-9 . _ : @ + = -)")]);
        }
        if (await queries.LoginAsync(loginId, cancellationToken) is { } login)
        {
            return ApiResults.Ok(login, ToolAuthJsonContext.Default.ApiEnvelopeAuthLoginDto);
        }
        // The command's answer may be in before its first event is stored.
        return await commands.GetAsync(loginId, cancellationToken) is { Type: CommandTypes.AuthLogin } command && ToolAuthCommandResults.Login(command) is { } fromCommand
            ? ApiResults.Ok(fromCommand, ToolAuthJsonContext.Default.ApiEnvelopeAuthLoginDto)
            : ApiErrors.NotFound($"no login '{loginId}'");
    }

    private static async Task<IResult> CheckAsync(string nodeId, HttpRequest request, ToolAuthCommandResults submit, NodeAuthViews views,
        CancellationToken cancellationToken)
    {
        var (command, error) = await submit.SubmitAsync(request, nodeId, CommandTypes.AuthCheck, EmptyArgs(), cancellationToken);
        if (error is not null)
        {
            return error;
        }
        var tools = ToolAuthCommandResults.Tools(command!);
        return await views.GetAsync(nodeId, tools, cancellationToken) is { } view
            ? ApiResults.Ok(view, ToolAuthJsonContext.Default.ApiEnvelopeNodeAuthDto)
            : ApiErrors.NotFound($"no node '{nodeId}'");
    }

    private static JsonElement EmptyArgs()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }

    private static async Task<IResult> LoginAsync(string nodeId, HttpRequest request, ToolAuthCommandResults submit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return ApiErrors.TooLarge($"the body is larger than {MaxBodyBytes} bytes");
        }
        var (body, bodyError) = await RequestBody.ReadAsync(request, ToolAuthJsonContext.Default.AuthLoginRequest, new AuthLoginRequest(null), cancellationToken);
        if (bodyError is not null)
        {
            return ApiErrors.Invalid([new FieldError("body", bodyError)]);
        }
        if (body!.Tool is not { } tool || !ToolAuthLimits.Tools.Contains(tool))
        {
            return ApiErrors.Invalid([new FieldError("tool", $"must be one of {string.Join(", ", ToolAuthLimits.Tools)}")]);
        }
        var args = JsonSerializer.SerializeToElement(new AuthLoginRequest(tool), ToolAuthJsonContext.Default.AuthLoginRequest);
        var (command, error) = await submit.SubmitAsync(request, nodeId, CommandTypes.AuthLogin, args, cancellationToken);
        return error ?? (ToolAuthCommandResults.Login(command!) is { } login
            ? ApiResults.Ok(login, ToolAuthJsonContext.Default.ApiEnvelopeAuthLoginDto)
            : ApiErrors.CommandFailed($"command {command!.CommandId}: the agent's answer is not a login", command));
    }
}
