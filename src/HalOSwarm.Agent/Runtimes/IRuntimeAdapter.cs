using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Storage;

namespace HalOSwarm.Agent.Runtimes;

/// <summary>
/// One agent program the node can run sessions in (opencode today; Claude Code, Codex and tmux-hosted
/// CLIs later). An adapter watches its sessions and records normalized events through
/// <see cref="Connection.IEventRecorder"/>; the command executor calls it for the session commands.
/// Failures are reported by throwing <see cref="RuntimeCommandException"/>.
/// </summary>
internal interface IRuntimeAdapter
{
    /// <summary>The wire name, one of <see cref="Protocol.RuntimeNames"/>.</summary>
    string Name { get; }

    /// <summary>Creates a session in <paramref name="project"/>, optionally sends it a first prompt; returns its id.</summary>
    Task<string> StartSessionAsync(ProjectOptions project, StartSessionRequest request, CancellationToken cancellationToken);

    Task PromptAsync(SessionRecord session, string text, CancellationToken cancellationToken);

    Task AbortAsync(SessionRecord session, CancellationToken cancellationToken);

    /// <summary>Stops the session's turn and deletes the session in the runtime.</summary>
    Task KillAsync(SessionRecord session, CancellationToken cancellationToken);

    /// <summary>Asks the runtime itself (not the event stream) whether the session is working on a turn.</summary>
    Task<bool> IsBusyAsync(SessionRecord session, CancellationToken cancellationToken);

    /// <summary>Answers a pending permission request (<c>once</c>, <c>always</c> or <c>reject</c>); unknown ids fail with unknown_permission.</summary>
    Task ReplyPermissionAsync(SessionRecord session, string permissionId, string reply, CancellationToken cancellationToken);

    /// <summary>The runtime's view of the session (<c>{status, ...}</c>).</summary>
    Task<JsonElement> StatusAsync(SessionRecord session, CancellationToken cancellationToken);
}
