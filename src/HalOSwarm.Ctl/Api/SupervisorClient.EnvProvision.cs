using System.Net.Http.Json;

namespace HalOSwarm.Ctl.Api;

/// <summary><c>/api/v1/env</c> provisioning: provision and AGENT.md sync (operator), proposals (viewer) and their decisions (operator).</summary>
internal sealed partial class SupervisorClient
{
    /// <summary>A provision waits for a check, the fixes and another check on every node (each check up to 60 s).</summary>
    private const int ProvisionWaitSeconds = 300;

    /// <summary>An approval waits for the install (the agent stops one after 5 minutes) and a check.</summary>
    private const int InstallWaitSeconds = 420;

    public Task<ApiPage<IReadOnlyList<EnvProvisionResultDto>>> ProvisionAsync(string project, string? nodeId, bool dryRun, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/env/{Escape(project)}/provision",
            JsonContent.Create(new EnvProvisionRequest(nodeId, dryRun ? true : null), CtlJsonContext.Default.EnvProvisionRequest),
            CtlJsonContext.Default.IReadOnlyListEnvProvisionResultDto, ProvisionWaitSeconds, cancellationToken);

    public Task<ApiPage<IReadOnlyList<EnvSyncResultDto>>> SyncAgentsMdAsync(string project, string? nodeId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/env/{Escape(project)}/agents-md/sync",
            JsonContent.Create(new EnvProvisionRequest(nodeId, null), CtlJsonContext.Default.EnvProvisionRequest),
            CtlJsonContext.Default.IReadOnlyListEnvSyncResultDto, ProvisionWaitSeconds, cancellationToken);

    public Task<ApiPage<IReadOnlyList<EnvProposalDto>>> ListProposalsAsync(QueryString query, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/env/proposals" + query, null, CtlJsonContext.Default.IReadOnlyListEnvProposalDto, null, cancellationToken);

    /// <summary>Approves (runs the install, waits for it) or rejects proposal <paramref name="id"/>.</summary>
    public Task<ApiPage<EnvDecisionDto>> DecideProposalAsync(string id, bool approve, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/env/proposals/{Escape(id)}/{(approve ? "approve" : "reject")}", null, CtlJsonContext.Default.EnvDecisionDto,
            approve ? InstallWaitSeconds : null, cancellationToken);
}
