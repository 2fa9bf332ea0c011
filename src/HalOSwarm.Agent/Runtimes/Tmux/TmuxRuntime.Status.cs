using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes.Tmux;

/// <summary>The <c>status</c> command: the session as the runtime sees it right now.</summary>
internal sealed partial class TmuxRuntime
{
    public async Task<JsonElement> StatusAsync(SessionRecord session, CancellationToken cancellationToken)
    {
        var found = await FindAsync(session, cancellationToken);
        var pane = await found.Client.PaneAsync(found.State.Name, cancellationToken);
        var result = new JsonObject
        {
            ["status"] = found.State.StatusEvent switch
            {
                EventTypes.SessionRunning => SessionStatuses.Running,
                EventTypes.SessionError => SessionStatuses.Error,
                EventTypes.SessionCompleted => SessionStatuses.Completed,
                _ => SessionStatuses.Idle,
            },
            ["activity"] = found.Activity,
            ["detail"] = found.Detail,
            ["progress"] = found.State.Progress,
            ["project"] = session.Project,
            ["tmux_session"] = found.State.Name,
            ["socket"] = found.State.Socket,
            ["pane_pid"] = pane?.Pid,
            ["exited"] = found.Exited,
            ["last_output_at"] = found.LastOutputAt.ToString("O", CultureInfo.InvariantCulture),
        };
        using var document = JsonDocument.Parse(result.ToJsonString());
        return document.RootElement.Clone();
    }
}
