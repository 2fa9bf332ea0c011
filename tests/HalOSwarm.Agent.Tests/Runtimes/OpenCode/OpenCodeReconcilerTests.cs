using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;
using HalOSwarm.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Tests.Runtimes.OpenCode;

public sealed class OpenCodeReconcilerTests : IAsyncLifetime
{
    private const string SessionId = "ses_df6c81aa0ffe23wNHvBFnj92pA";
    private readonly TempDirectory _dir = new("hal-reconcile");
    private WebApplication? _app;
    private string _url = "";

    public async Task InitializeAsync()
    {
        // A stand-in for opencode's HTTP API answering with the recorded responses.
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        var session = await File.ReadAllTextAsync(Fixtures.PathOf("oc_session_create.json"));
        var message = await File.ReadAllTextAsync(Fixtures.PathOf("oc_prompt_sync.json"));
        _app.MapGet("/session", () => Results.Text("[" + session + "]", "application/json"));
        _app.MapGet("/session/status", () => Results.Text("{}", "application/json"));
        _app.MapGet("/session/{id}/message", () => Results.Text("[" + message + "]", "application/json"));
        await _app.StartAsync();
        _url = $"http://127.0.0.1:{port}";
    }

    public async Task DisposeAsync()
    {
        await _app!.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Reconcile_RecordsUnknownSessionAndMissedMessages_OnlyOnce()
    {
        using var db = new AgentDatabase(_dir.Path);
        var outbox = new Outbox(db, TimeProvider.System);
        var sessions = new SessionStore(db);
        var options = new AgentOptions { Projects = [new ProjectOptions { Name = "proj", Directory = Fixtures.Directory }] };
        using var http = new HttpClient();
        OpenCodeClient.Configure(http, _url, null);
        var reconciler = new OpenCodeReconciler(Options.Create(options), new OpenCodeClient(http), new OpenCodeEventMapper(options.Projects),
            sessions, outbox, new EventRecorder(outbox, sessions));

        var first = await reconciler.ReconcileAsync(CancellationToken.None);
        var second = await reconciler.ReconcileAsync(CancellationToken.None);

        var events = await outbox.ReadAsync(0, 100, CancellationToken.None);
        Assert.Equal(3, first);
        Assert.Equal(0, second);
        Assert.Equal([EventTypes.SessionCreated, EventTypes.MessageCompleted, EventTypes.Usage], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(SessionId, e.SessionId));
        Assert.Equal("Hello from the fake LLM. 2+2=4. ", events[1].Data.GetProperty("text").GetString());
        var tracked = Assert.Single(await sessions.ListAsync(CancellationToken.None));
        Assert.Equal(("proj", SessionStatuses.Idle, "lab test 1"), (tracked.Project, tracked.Status, tracked.Title));
    }
}
