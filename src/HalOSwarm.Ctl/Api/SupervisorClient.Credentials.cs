using System.Net.Http.Json;

namespace HalOSwarm.Ctl.Api;

/// <summary><c>/api/v1/credentials</c>: push (admin) and drift (viewer).</summary>
internal sealed partial class SupervisorClient
{
    public const int CredentialPushWaitSec = 30;

    /// <summary>Pushes credentials and waits up to <see cref="CredentialPushWaitSec"/> s for the node to apply them.</summary>
    public Task<ApiPage<CredentialPushResultDto>> PushCredentialsAsync(CredentialPushRequest request, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, $"api/v1/credentials/push?wait={CredentialPushWaitSec}", JsonContent.Create(request, CtlJsonContext.Default.CredentialPushRequest),
            CtlJsonContext.Default.CredentialPushResultDto, CredentialPushWaitSec, cancellationToken);

    public Task<ApiPage<IReadOnlyList<CredentialSyncDto>>> CredentialDriftAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, "api/v1/credentials/drift", null, CtlJsonContext.Default.IReadOnlyListCredentialSyncDto, null, cancellationToken);
}
