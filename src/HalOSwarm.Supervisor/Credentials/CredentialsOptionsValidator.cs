using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>Checks the <c>credentials</c> section: a key that is set must be readable, owner-only and 32 bytes of base64.</summary>
internal sealed class CredentialsOptionsValidator : IValidateOptions<CredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, CredentialsOptions options)
    {
        CredentialKey.Load(options, out var problem);
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}
