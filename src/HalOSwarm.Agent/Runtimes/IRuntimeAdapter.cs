using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Storage;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes;

/// <summary>
/// One agent program the node runs sessions in (Runtimes/&lt;Program&gt;/, one folder each). An adapter
/// owns its sessions end to end: it starts or attaches to the program, follows its structured output,
/// records the normalized events (<see cref="EventTypes"/>) through <see cref="Connection.IEventRecorder"/>
/// exactly once, and after an agent restart reconciles what happened while nobody listened (the
/// transcript is complete, nothing is recorded twice, the status is right). The command executor and the
/// prompt queue call it for the session commands; failures are reported by throwing
/// <see cref="RuntimeCommandException"/>. Adapters that run work in the background are also hosted services.
/// </summary>
internal interface IRuntimeAdapter
{
    /// <summary>The wire name, one of <see cref="RuntimeNames"/>.</summary>
    string Name { get; }

    /// <summary>
    /// Finds out whether the program can run sessions here: its version, or the reason it cannot (binary
    /// not found, version too old, not logged in). Called once at agent start for each runtime a project
    /// uses (<see cref="RuntimeCatalog"/>); reported in hello and the node's projects.
    /// </summary>
    Task<RuntimeInfo> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>Creates a session in <paramref name="project"/>, optionally sends it a first prompt; returns its id.</summary>
    Task<string> StartSessionAsync(ProjectOptions project, StartSessionRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// True when a started session's program runs, and reports running, before it takes the start's prompt (tmux types
    /// it once the program first asks for input): a running event during the start then says nothing about that prompt's
    /// turn, and the prompt queue counts only what comes after the start returned.
    /// </summary>
    bool RunsBeforeFirstPrompt => false;

    /// <summary>Sends a prompt to an idle session (the prompt queue keeps prompts out of running turns).</summary>
    Task PromptAsync(SessionRecord session, string text, CancellationToken cancellationToken);

    /// <summary>Interrupts the running turn; the session stays usable.</summary>
    Task AbortAsync(SessionRecord session, CancellationToken cancellationToken);

    /// <summary>Stops the session's turn and ends the session in the runtime.</summary>
    Task KillAsync(SessionRecord session, CancellationToken cancellationToken);

    /// <summary>Asks the runtime itself (not the event stream) whether the session is working on a turn.</summary>
    Task<bool> IsBusyAsync(SessionRecord session, CancellationToken cancellationToken);

    /// <summary>Answers a pending permission request (<c>once</c>, <c>always</c> or <c>reject</c>); unknown ids fail with unknown_permission.</summary>
    Task ReplyPermissionAsync(SessionRecord session, string permissionId, string reply, CancellationToken cancellationToken);

    /// <summary>The runtime's view of the session (<c>{status, ...}</c>).</summary>
    Task<JsonElement> StatusAsync(SessionRecord session, CancellationToken cancellationToken);

    /// <summary>Sessions of <paramref name="project"/> running in the program that hal-agent does not track yet.</summary>
    Task<IReadOnlyList<AdoptableSession>> ListAdoptableAsync(ProjectOptions project, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AdoptableSession>>([]);

    /// <summary>
    /// Brings a session listed by <see cref="ListAdoptableAsync"/> under supervision (recorded with
    /// <c>adopted: true</c>) without restarting it; returns its session id.
    /// </summary>
    Task<string> AdoptAsync(ProjectOptions project, string externalId, CancellationToken cancellationToken) =>
        throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs, $"the {Name} runtime cannot adopt sessions");

    /// <summary>
    /// Called after a credentials push for this runtime was written where the program reads it. A program that reads its
    /// credentials once and keeps them (a long-running server) is made to read them again here; programs started per
    /// session read the file when they start and need nothing.
    /// </summary>
    Task CredentialsChangedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A session running in a program that hal-agent could adopt: its id there and what it is.</summary>
internal sealed record AdoptableSession(string ExternalId, string? Title, string? Directory, DateTimeOffset? LastActivityAt);
