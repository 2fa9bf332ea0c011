using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Testing.FakeLlm;

/// <summary>
/// What every fake provider shares: Kestrel on 127.0.0.1 with a free port, and the script of replies that the
/// conversation's turns take in order (<see cref="DefaultReply"/> once it is empty). Each provider maps its own
/// routes and writes its own wire shapes.
/// </summary>
public abstract class FakeLlmServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private WebApplication? _app;

    public Uri BaseUrl { get; private set; } = null!;

    public FakeReply DefaultReply { get; set; } = FakeReply.Text("Done. Nothing else to do.");

    /// <summary>Drops the replies still scripted (a test sharing the server, or one that failed half-way, leaves none for the next).</summary>
    public void Clear() => _script.Clear();

    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    /// <summary>The next scripted reply, or <see cref="DefaultReply"/>.</summary>
    protected FakeReply NextReply() => _script.TryDequeue(out var next) ? next : DefaultReply;

    /// <summary>Maps the provider's routes.</summary>
    protected abstract void Map(WebApplication app);

    protected static async Task<TServer> StartAsync<TServer>(TServer server, CancellationToken cancellationToken)
        where TServer : FakeLlmServer
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        server.Map(app);
        await app.StartAsync(cancellationToken);
        server._app = app;
        server.BaseUrl = new Uri(app.Urls.First() + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }
}
