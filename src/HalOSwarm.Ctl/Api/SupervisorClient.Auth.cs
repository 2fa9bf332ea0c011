using System.Net.Http.Json;

namespace HalOSwarm.Ctl.Api;

/// <summary><c>/api/v1/auth</c>: the agent programs' logins on a node (viewer), a check now and a remote login (operator).</summary>
internal sealed partial class SupervisorClient
{
    public Task<ApiPage<NodeAuthDto>> GetNodeAuthAsync(string nodeId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/v1/auth/nodes/{Escape(nodeId)}", null, CtlJsonContext.Default.NodeAuthDto, null, cancellationToken);

    public Task<ApiPage<NodeAuthDto>> CheckNodeAuthAsync(string nodeId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/auth/nodes/{Escape(nodeId)}/check", null, CtlJsonContext.Default.NodeAuthDto, 30, cancellationToken);

    public Task<ApiPage<AuthLoginDto>> StartLoginAsync(string nodeId, string tool, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/auth/nodes/{Escape(nodeId)}/login",
            JsonContent.Create(new AuthLoginRequest(tool), CtlJsonContext.Default.AuthLoginRequest), CtlJsonContext.Default.AuthLoginDto, 30, cancellationToken);

    public Task<ApiPage<AuthLoginDto>> GetLoginAsync(string loginId, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, $"api/v1/auth/logins/{Escape(loginId)}", null, CtlJsonContext.Default.AuthLoginDto, null, cancellationToken);
}
