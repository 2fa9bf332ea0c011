using System.Net.Http.Json;

namespace HalOSwarm.Ctl.Api;

/// <summary><c>/api/v1/env</c>: environment status (viewer), checks now (operator), AGENT.md show and diff (viewer).</summary>
internal sealed partial class SupervisorClient
{
    /// <summary>How long a check may take on the supervisor's side (its wait for the node's report).</summary>
    private const int EnvCheckWaitSec = 60;

    public Task<ApiPage<IReadOnlyList<EnvStatusRowDto>>> EnvStatusAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/env", null, CtlJsonContext.Default.IReadOnlyListEnvStatusRowDto, null, cancellationToken);

    public Task<ApiPage<IReadOnlyList<EnvNodeReportDto>>> EnvProjectAsync(string project, string? nodeId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/v1/env/{Escape(project)}" + new QueryString().Add("node_id", nodeId), null,
            CtlJsonContext.Default.IReadOnlyListEnvNodeReportDto, null, cancellationToken);

    public Task<ApiPage<IReadOnlyList<EnvNodeReportDto>>> EnvCheckAsync(string project, string? nodeId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/env/{Escape(project)}/check", JsonContent.Create(new EnvCheckRequest(nodeId), CtlJsonContext.Default.EnvCheckRequest),
            CtlJsonContext.Default.IReadOnlyListEnvNodeReportDto, EnvCheckWaitSec, cancellationToken);

    public Task<ApiPage<EnvAgentsMdDto>> EnvAgentsMdAsync(string project, string? nodeId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/v1/env/{Escape(project)}/agents-md" + new QueryString().Add("node_id", nodeId), null,
            CtlJsonContext.Default.EnvAgentsMdDto, null, cancellationToken);

    public Task<ApiPage<EnvAgentsMdDiffDto>> EnvAgentsMdDiffAsync(string project, string nodeId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/v1/env/{Escape(project)}/agents-md/diff" + new QueryString().Add("node_id", nodeId), null,
            CtlJsonContext.Default.EnvAgentsMdDiffDto, EnvCheckWaitSec, cancellationToken);
}
