using System.Collections.Concurrent;
using System.Text.Json;
using HalOSwarm.Supervisor.Commands;

namespace HalOSwarm.Supervisor.Tests.Policies;

/// <summary>Captures submissions; one command per idempotency key, in the state <see cref="NextState"/>.</summary>
internal sealed class FakeCommandService : ICommandService
{
    private readonly ConcurrentDictionary<string, CommandDto> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CommandDto> _byKey = new(StringComparer.Ordinal);

    public List<CommandSubmission> Submissions { get; } = [];

    public string NextState { get; set; } = CommandStates.Sent;

    public string? RejectWith { get; set; }

    public Task<CommandDto> SubmitAsync(CommandSubmission submission, CancellationToken cancellationToken)
    {
        if (RejectWith is not null)
        {
            throw new CommandRejectedException("not_found", RejectWith);
        }
        if (submission.IdempotencyKey is { } key && _byKey.TryGetValue(key, out var existing))
        {
            return Task.FromResult(existing);
        }
        Submissions.Add(submission);
        var command = new CommandDto($"cmd_{Submissions.Count}", submission.Type, "node-1", submission.SessionId, submission.Project,
            submission.Args, NextState, null, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        _byId[command.CommandId] = command;
        if (submission.IdempotencyKey is { } newKey)
        {
            _byKey[newKey] = command;
        }
        return Task.FromResult(command);
    }

    public Task<CommandDto?> GetAsync(string commandId, CancellationToken cancellationToken) =>
        Task.FromResult(_byId.TryGetValue(commandId, out var command) ? command : null);

    /// <summary>Finishes every command, as the dispatcher would once the agent answered.</summary>
    public void FinishAll(string state = CommandStates.Succeeded)
    {
        foreach (var (id, command) in _byId)
        {
            _byId[id] = command with { State = state };
        }
    }

    public static string Text(JsonElement args, string name) => args.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";
}
