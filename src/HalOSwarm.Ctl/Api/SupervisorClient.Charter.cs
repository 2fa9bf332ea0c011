namespace HalOSwarm.Ctl.Api;

/// <summary><c>/api/v1/charter</c>: the governance charter in force (viewer).</summary>
internal sealed partial class SupervisorClient
{
    public Task<ApiPage<IReadOnlyList<CharterDto>>> CharterAsync(string? project, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/charter" + (project is null ? "" : "?project=" + Escape(project)), null,
            CtlJsonContext.Default.IReadOnlyListCharterDto, null, cancellationToken);
}
