using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Agent.Runtimes.OpenCode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.ClaudeCode;

/// <summary>
/// A minimal MCP server (streamable HTTP, JSON answers) on 127.0.0.1 with one tool, <c>approve</c>, that
/// Claude Code calls as its permission prompt tool. Each session gets its own URL
/// (<c>/mcp/&lt;secret&gt;/&lt;session&gt;</c>); the port and secret are kept in the state directory so that
/// programs started by an earlier agent still reach a restarted one.
/// </summary>
internal sealed class ClaudePermissionServer(ClaudePermissionBroker broker) : IAsyncDisposable
{
    public const string ToolName = "approve";
    public const string ServerName = "hal";

    private WebApplication? _app;
    private string _secret = "";

    public int Port { get; private set; }

    public bool IsRunning => _app is not null;

    /// <summary>The URL a session's program calls.</summary>
    public string UrlFor(string sessionId) => $"http://127.0.0.1:{Port}/mcp/{_secret}/{sessionId}";

    public async Task StartAsync(string stateFolder, int configuredPort, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(stateFolder);
        var file = Path.Combine(stateFolder, "permission-endpoint");
        var saved = File.Exists(file) ? (await File.ReadAllTextAsync(file, cancellationToken)).Split(' ', StringSplitOptions.TrimEntries) : [];
        _secret = saved.Length == 2 ? saved[1] : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var port = configuredPort > 0 ? configuredPort
            : saved.Length == 2 && int.TryParse(saved[0], CultureInfo.InvariantCulture, out var p) ? p : 0;
        try
        {
            await StartOnAsync(port, cancellationToken);
        }
        catch (IOException) when (configuredPort == 0 && port != 0)
        {
            // The saved port was taken meanwhile: sessions started from now on use a new one.
            await StartOnAsync(0, cancellationToken);
        }
        await File.WriteAllTextAsync(file, $"{Port.ToString(CultureInfo.InvariantCulture)} {_secret}\n", cancellationToken);
    }

    private async Task StartOnAsync(int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/mcp/{secret}/{sessionId}", HandleAsync);
        app.MapGet("/mcp/{secret}/{sessionId}", () => Results.StatusCode(StatusCodes.Status405MethodNotAllowed));
        app.MapDelete("/mcp/{secret}/{sessionId}", () => Results.Ok());
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        _app = app;
        Port = new Uri(app.Urls.First()).Port;
    }

    private async Task HandleAsync(HttpContext context, string secret, string sessionId)
    {
        if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(secret), System.Text.Encoding.UTF8.GetBytes(_secret)))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        JsonElement request;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            request = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (request.Get("id") is not { } id)
        {
            // A notification (initialized, cancelled): nothing to answer.
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            return;
        }
        JsonNode? result = null;
        JsonObject? error = null;
        switch (request.Str("method"))
        {
            case "initialize":
                result = new JsonObject
                {
                    ["protocolVersion"] = request.Get("params").Get("protocolVersion").Str() ?? "2025-06-18",
                    ["capabilities"] = new JsonObject { ["tools"] = new JsonObject() },
                    ["serverInfo"] = new JsonObject { ["name"] = ServerName, ["version"] = "1" },
                };
                break;
            case "ping":
                result = new JsonObject();
                break;
            case "tools/list":
                result = new JsonObject { ["tools"] = new JsonArray(ToolDescription()) };
                break;
            case "tools/call":
                result = await CallAsync(sessionId, request.Get("params") ?? default, context.RequestAborted);
                break;
            default:
                error = new JsonObject { ["code"] = -32601, ["message"] = "method not found" };
                break;
        }
        var response = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()) };
        response[error is null ? "result" : "error"] = error ?? result;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString(), context.RequestAborted);
    }

    private async Task<JsonNode> CallAsync(string sessionId, JsonElement parameters, CancellationToken cancellationToken)
    {
        var args = parameters.Get("arguments") ?? default;
        var tool = args.Str("tool_name") ?? "unknown";
        var input = args.Get("input") ?? JsonDocument.Parse("{}").RootElement;
        var permissionId = args.Str("tool_use_id") ?? "perm_" + Guid.NewGuid().ToString("N");
        var reply = await broker.AskAsync(sessionId, permissionId, tool, input, cancellationToken);
        var decision = reply == "reject"
            ? new JsonObject { ["behavior"] = "deny", ["message"] = "The user denied this tool call (hal approvals)." }
            : new JsonObject { ["behavior"] = "allow", ["updatedInput"] = JsonNode.Parse(input.GetRawText()) };
        return new JsonObject
        {
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = decision.ToJsonString() }),
        };
    }

    private static JsonObject ToolDescription() => new()
    {
        ["name"] = ToolName,
        ["description"] = "Asks the people supervising this session (hal approvals) whether a tool may run.",
        ["inputSchema"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["tool_name"] = new JsonObject { ["type"] = "string" },
                ["input"] = new JsonObject { ["type"] = "object" },
                ["tool_use_id"] = new JsonObject { ["type"] = "string" },
            },
            ["required"] = new JsonArray("tool_name", "input"),
        },
    };

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
