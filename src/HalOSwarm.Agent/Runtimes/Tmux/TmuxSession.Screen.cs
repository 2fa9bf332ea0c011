using System.Text;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Tasks;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes.Tmux;

/// <summary>Reading the piped output, turns, state events, the pane's life and the task file's progress.</summary>
internal sealed partial class TmuxSession
{
    private const int MaxChunkBytes = 256 * 1024;

    private long _lastSeenLength = -1;
    private (DateTime Written, long Length)? _taskFileStamp;

    /// <summary>The plain text written since the cursor and the offset it reaches (less an unfinished escape or character).</summary>
    private (string Text, long Next) ReadNew()
    {
        if (!File.Exists(OutputPath))
        {
            return ("", _cursor);
        }
        using var stream = new FileStream(OutputPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = stream.Length;
        if (length <= _cursor)
        {
            return ("", _cursor);
        }
        var buffer = new byte[(int)Math.Min(length - _cursor, MaxChunkBytes)];
        stream.Seek(_cursor, SeekOrigin.Begin);
        stream.ReadExactly(buffer);
        // An unfinished sequence at the end waits for the next poll, unless nothing more came since the last one.
        var take = length == _lastSeenLength ? buffer.Length : TerminalText.SafeLength(buffer);
        _lastSeenLength = length;
        return (TerminalText.Clean(Encoding.UTF8.GetString(buffer, 0, take)), _cursor + take);
    }

    private string ReadText(long from, long to)
    {
        from = Math.Max(from, to - (4L * TmuxEvents.MaxMessageChars));
        using var stream = new FileStream(OutputPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[(int)Math.Max(0, Math.Min(to, stream.Length) - from)];
        stream.Seek(from, SeekOrigin.Begin);
        stream.ReadExactly(buffer);
        return TerminalText.Clean(Encoding.UTF8.GetString(buffer));
    }

    /// <summary>Starts an assistant turn at the cursor unless one is open; saved before its first delta is recorded.</summary>
    private void OpenTurn()
    {
        if (State.TurnStart is null)
        {
            State.TurnStart = _cursor;
            State.Save(_folder);
        }
    }

    /// <summary>Ends the open turn: its whole output, up to <paramref name="next"/>, as one assistant message.</summary>
    private void CloseTurn(List<PendingEvent> events, long next)
    {
        if (State.TurnStart is not { } start)
        {
            return;
        }
        State.TurnStart = null;
        if (next > start)
        {
            events.Add(TmuxEvents.Message(SessionId, TmuxEvents.OutputMessageId(SessionId, start), "assistant", ReadText(start, next).Trim('\n')));
        }
    }

    /// <summary>The activity event for the classifier's new state, the status event when the status changes, and the turn's end.</summary>
    private void AddStateEvents(List<PendingEvent> events, long next)
    {
        var state = _classifier.State;
        var running = ScreenClassifier.IsRunning(state);
        if (!running)
        {
            CloseTurn(events, next);
        }
        events.Add(TmuxEvents.Activity(SessionId, state, _classifier.Detail, State.Progress));
        Log.StateChanged(_logger, SessionId, state, _classifier.Detail ?? "");
        var status = running ? EventTypes.SessionRunning
            : state == ActivityStates.Error ? EventTypes.SessionError
            : Exited ? EventTypes.SessionCompleted
            : EventTypes.SessionIdle;
        if (status == EventTypes.SessionError)
        {
            events.Add(TmuxEvents.Error(SessionId, Exited ? "ProgramExited" : "ScreenError", _classifier.Detail));
        }
        else if (status != State.StatusEvent)
        {
            events.Add(TmuxEvents.Status(status, SessionId, _classifier.Detail));
        }
        State.StatusEvent = status;
        State.State = state;
    }

    /// <summary>Once a second: has the program exited (pane dead), is the session still there? False when it is gone.</summary>
    private async Task<bool> CheckPaneAsync(List<PendingEvent> events, long next, CancellationToken cancellationToken)
    {
        if (_lastPaneCheck != 0 && _time.GetElapsedTime(_lastPaneCheck) < s_paneCheckInterval)
        {
            return true;
        }
        _lastPaneCheck = _time.GetTimestamp();
        var pane = await _client.PaneAsync(State.Name, cancellationToken);
        if (pane is null)
        {
            return await _client.HasSessionAsync(State.Name, cancellationToken);
        }
        // tmux marks the pane dead a moment before it knows the exit status; give it a few looks.
        if (pane.Dead && (pane.DeadStatus is not null || ++_deadWithoutStatus >= 3) && _classifier.OnExit(pane.DeadStatus))
        {
            AddStateEvents(events, next);
        }
        return true;
    }

    /// <summary>Re-reads the task file when it changed; true when the share of ticked checkboxes changed.</summary>
    private bool UpdateProgress()
    {
        if (State.Directory is null)
        {
            return false;
        }
        var file = new FileInfo(Path.Combine(State.Directory, _options.TaskFile));
        if (!file.Exists)
        {
            return false;
        }
        var stamp = (file.LastWriteTimeUtc, file.Length);
        if (_taskFileStamp == stamp)
        {
            return false;
        }
        _taskFileStamp = stamp;
        string content;
        try
        {
            content = File.ReadAllText(file.FullName);
        }
        catch (IOException)
        {
            _taskFileStamp = null;
            return false;
        }
        var parsed = TaskFileParser.Parse(State.Project, content);
        double? progress = parsed.Total > 0 ? Math.Round((double)parsed.Done / parsed.Total, 4) : null;
        if (progress == State.Progress)
        {
            return false;
        }
        State.Progress = progress;
        return true;
    }

    /// <summary>The last non-empty line of the screen (where a prompt waits), or null when the pane is gone.</summary>
    private async Task<string?> CursorLineAsync(CancellationToken cancellationToken)
    {
        try
        {
            var screen = await _client.CaptureAsync(State.Name, false, cancellationToken);
            return screen.Split('\n').Select(l => l.TrimEnd()).LastOrDefault(l => l.Length > 0);
        }
        catch (RuntimeCommandException)
        {
            return null;
        }
    }

    /// <summary>Reads what is left after the session ended or was killed, then records its deletion.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < 100; i++)
        {
            _lastPaneCheck = 0;
            if (!await TickAsync(cancellationToken))
            {
                return;
            }
        }
    }
}
