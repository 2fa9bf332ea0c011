using System.Collections.Concurrent;
using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Tests.Commands;

/// <summary>A runtime whose busy flag the test sets; it records what it was asked to do.</summary>
internal sealed class FakeRuntime : IRuntimeAdapter
{
    public string Name => RuntimeNames.OpenCode;

    public volatile bool Busy;

    public ConcurrentQueue<string> Prompts { get; } = new();

    public int Aborts;

    public Task<RuntimeInfo> ProbeAsync(CancellationToken cancellationToken) => Task.FromResult(new RuntimeInfo(Name, true, "1.0.0"));

    public Task<string> StartSessionAsync(ProjectOptions project, StartSessionRequest request, CancellationToken cancellationToken) =>
        Task.FromResult("ses_new");

    public Task PromptAsync(SessionRecord session, string text, CancellationToken cancellationToken)
    {
        Prompts.Enqueue(text);
        return Task.CompletedTask;
    }

    public Task AbortAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Aborts);
        Busy = false;
        return Task.CompletedTask;
    }

    public Task KillAsync(SessionRecord session, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<bool> IsBusyAsync(SessionRecord session, CancellationToken cancellationToken) => Task.FromResult(Busy);

    public Task ReplyPermissionAsync(SessionRecord session, string permissionId, string reply, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task<JsonElement> StatusAsync(SessionRecord session, CancellationToken cancellationToken) =>
        Task.FromResult(JsonDocument.Parse("{}").RootElement);
}
