using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.Runtimes.Codex;

/// <summary>Adoption: Codex threads of a project's folder in the agent's CODEX_HOME that no session tracks yet are resumed in an app-server of their own.</summary>
internal sealed partial class CodexRuntime
{
    public async Task<IReadOnlyList<AdoptableSession>> ListAdoptableAsync(ProjectOptions project, CancellationToken cancellationToken)
    {
        await WhenReadyAsync(cancellationToken);
        var tracked = (await _sessions.ListAsync(cancellationToken)).Select(s => s.SessionId).ToHashSet(StringComparer.Ordinal);
        return [.. CodexThreads.Under(_home.Path, project.Directory)
            .Where(t => !tracked.Contains(t.ExternalId) && !_live.ContainsKey(t.ExternalId))
            .OrderByDescending(t => t.LastActivityAt)];
    }

    public async Task<string> AdoptAsync(ProjectOptions project, string externalId, CancellationToken cancellationToken)
    {
        var thread = (await ListAdoptableAsync(project, cancellationToken)).FirstOrDefault(t => t.ExternalId == externalId)
            ?? throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs,
                $"no untracked codex thread '{externalId}' of project '{project.Name}' (see list_adoptable)");
        var folder = _home.SessionFolder(externalId);
        Directory.CreateDirectory(folder);
        var cursor = await _recorder.ReadCursorAsync(CodexSession.CursorKeyOf(externalId), cancellationToken);
        var session = Follow(externalId, folder, null, cursor);
        var directory = thread.Directory ?? project.Directory;
        try
        {
            await session.Gate.WaitAsync(cancellationToken);
            try
            {
                await EnsureRunningAsync(session, project, directory, cancellationToken);
            }
            finally
            {
                session.Gate.Release();
            }
        }
        catch
        {
            _live.TryRemove(externalId, out _);
            if (session.Rpc.Process is { } process)
            {
                await process.StopAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
            }
            await session.DisposeAsync();
            throw;
        }
        var created = new SessionCreatedData(project.Name, Name, directory, thread.Title, session.Mapper.Model, Adopted: true);
        await _recorder.RecordAsync([CodexEvents.Created(externalId, created)], cancellationToken);
        Log.Adopted(_logger, externalId, project.Name);
        return externalId;
    }
}
