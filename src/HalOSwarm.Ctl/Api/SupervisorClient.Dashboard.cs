namespace HalOSwarm.Ctl.Api;

internal sealed partial class SupervisorClient
{
    public Task<ApiPage<SignInLinkDto>> CreateSignInLinkAsync(CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, "api/v1/dashboard/links", null, CtlJsonContext.Default.SignInLinkDto, null, cancellationToken);
}
