using System.Text.RegularExpressions;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes.Tmux;

/// <summary>Adoption: sessions started by hand on the configured socket, brought under supervision as they run.</summary>
internal sealed partial class TmuxRuntime
{
    public async Task<IReadOnlyList<AdoptableSession>> ListAdoptableAsync(ProjectOptions project, CancellationToken cancellationToken)
    {
        await _ready.Task.WaitAsync(cancellationToken);
        var pattern = new Regex(_tmux.AdoptPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        var tracked = _sessions.Values.Select(s => (s.State.Socket, s.State.Name)).ToHashSet();
        var client = new TmuxClient(_tmux.Binary, Socket);
        return [.. (await client.ListAsync(cancellationToken))
            .Where(s => pattern.IsMatch(s.Name) && !tracked.Contains((Socket, s.Name)))
            .Select(s => new AdoptableSession(s.Name, s.Name, s.Path, s.Activity > 0 ? DateTimeOffset.FromUnixTimeSeconds(s.Activity) : null))];
    }

    /// <summary>
    /// Follows the named session from now on: its pane is piped into the session's output file, what its
    /// screen already shows is recorded as one assistant message, and it is recorded with <c>adopted: true</c>.
    /// </summary>
    public async Task<string> AdoptAsync(ProjectOptions project, string externalId, CancellationToken cancellationToken)
    {
        var adoptable = await ListAdoptableAsync(project, cancellationToken);
        if (!adoptable.Any(s => s.ExternalId == externalId))
        {
            throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs,
                $"no adoptable tmux session '{externalId}' on {Socket} (it must exist, match runtimes.tmux.adopt_pattern and not be tracked already)");
        }
        var client = new TmuxClient(_tmux.Binary, Socket);
        var pane = await client.PaneAsync(externalId, cancellationToken)
            ?? throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs, $"tmux session '{externalId}' ended");
        if (pane.Piped)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeError,
                $"the pane of tmux session '{externalId}' is already piped elsewhere (pipe-pane); close that pipe to adopt it");
        }
        var sessionId = $"tmux-{Regex.Replace(externalId, "[^A-Za-z0-9_-]", "_")}-{pane.CreatedUnix}";
        var folder = TmuxSessionState.FolderOf(_options.StateDir, sessionId);
        var state = new TmuxSessionState
        {
            Name = externalId,
            Socket = Socket,
            Project = project.Name,
            Directory = pane.CurrentPath ?? project.Directory,
            Adopted = true,
            State = ActivityStates.Idle,
            StatusEvent = EventTypes.SessionIdle,
        };
        state.Save(folder);
        await client.PipeAsync(externalId, Path.Combine(folder, TmuxSessionState.OutputFileName), cancellationToken);
        var history = (await client.CaptureAsync(externalId, true, cancellationToken)).TrimEnd('\n', ' ');
        await _recorder.RecordAsync([
            TmuxEvents.Created(sessionId, state),
            TmuxEvents.Status(EventTypes.SessionIdle, sessionId, "adopted"),
            TmuxEvents.Activity(sessionId, ActivityStates.Idle, "adopted", null),
            .. history.Length > 0 ? [TmuxEvents.Message(sessionId, sessionId + ":adopted", "assistant", history)] : Array.Empty<Connection.PendingEvent>(),
        ], cancellationToken);
        Follow(sessionId, folder, state, 0, client);
        Log.Adopted(_logger, sessionId, externalId);
        return sessionId;
    }
}
