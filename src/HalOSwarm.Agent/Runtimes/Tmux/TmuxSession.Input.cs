using HalOSwarm.Protocol;
using Microsoft.Extensions.Logging;

namespace HalOSwarm.Agent.Runtimes.Tmux;

/// <summary>Typing into the pane: prompts, under the same lock as the polls.</summary>
internal sealed partial class TmuxSession
{
    /// <summary>Types a prompt into the pane (the caller made sure it accepts input) and records it as the user's message.</summary>
    public async Task PromptAsync(string text, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Exited)
            {
                throw new RuntimeCommandException(CommandErrorCodes.RuntimeError, $"the program of session '{SessionId}' has exited");
            }
            await TypeAsync(text, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task TypeAsync(string text, CancellationToken cancellationToken)
    {
        await _client.TypeLineAsync(State.Name, text, cancellationToken);
        _typed = text.Split('\n')[^1].TrimEnd();
        var id = $"{SessionId}:in:{_cursor}:{_time.GetUtcNow().ToUnixTimeMilliseconds()}";
        await _recorder.RecordAsync([TmuxEvents.Message(SessionId, id, "user", text)], cancellationToken);
        Log.Typed(_logger, SessionId, text.Length);
    }
}
