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

    /// <summary>Runs while a prompt is being sent, before the call returns (what the runtime reports meanwhile).</summary>
    public Func<Task>? WhileSending { get; set; }

    public async Task PromptAsync(SessionRecord session, string text, CancellationToken cancellationToken)
    {
        Prompts.Enqueue(text);
        if (WhileSending is { } during)
        {
            await during();
        }
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

    /// <summary>When set, <see cref="StatusAsync"/> completes <see cref="StatusEntered"/> and then waits for it (or cancellation).</summary>
    public TaskCompletionSource? HoldStatus { get; set; }

    public TaskCompletionSource StatusEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<JsonElement> StatusAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        StatusEntered.TrySetResult();
        if (HoldStatus is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }
        return JsonDocument.Parse("{}").RootElement;
    }
}
