using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Protocol;
using HalOSwarm.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Tests.Runtimes.OpenCode;

public sealed class OpenCodePermissionReplyTests : IAsyncLifetime
{
    private const string KnownId = "per_20938540a001z2fz8i5OX6UELX";
    private readonly List<(string Path, string? Directory, string Body)> _calls = [];
    private WebApplication? _app;
    private HttpClient? _http;

    public async Task InitializeAsync()
    {
        // A stand-in for opencode's permission endpoint: 200 true for the pending request, 404 otherwise.
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/permission/{id}/reply", async (HttpContext context, string id) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            lock (_calls)
            {
                _calls.Add((context.Request.Path.Value!, context.Request.Query["directory"], reader.ReadToEndAsync().GetAwaiter().GetResult()));
            }
            await Task.Yield();
            return id == KnownId
                ? Results.Text("true", "application/json")
                : Results.Json(new { name = "PermissionNotFoundError" }, statusCode: 404);
        });
        await _app.StartAsync();
        _http = new HttpClient();
        OpenCodeClient.Configure(_http, $"http://127.0.0.1:{port}", null);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        await _app!.DisposeAsync();
    }

    [Fact]
    public async Task ReplyPermission_PostsReplyToTheRequestInTheSessionDirectory()
    {
        var client = new OpenCodeClient(_http!);

        await client.ReplyPermissionAsync(KnownId, "/home/dev/lab/oc proj", "always", CancellationToken.None);

        var call = Assert.Single(_calls);
        Assert.Equal($"/permission/{KnownId}/reply", call.Path);
        Assert.Equal("/home/dev/lab/oc proj", call.Directory);
        Assert.Equal("""{"reply":"always"}""", call.Body);
    }

    [Fact]
    public async Task ReplyPermission_UnknownRequest_IsUnknownPermission()
    {
        var client = new OpenCodeClient(_http!);

        var error = await Assert.ThrowsAsync<RuntimeCommandException>(() =>
            client.ReplyPermissionAsync("per_gone", "/tmp", "once", CancellationToken.None));

        Assert.Equal(CommandErrorCodes.UnknownPermission, error.ErrorCode);
    }
}
