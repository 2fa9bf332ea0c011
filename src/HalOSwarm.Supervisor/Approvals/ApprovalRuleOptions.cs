using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Approvals;

/// <summary>
/// One automatic answer: a request of <see cref="Project"/> (<c>*</c> for any) for <see cref="Tool"/> (any when
/// unset) whose command or path matches the glob <see cref="Pattern"/> (<c>*</c> any run of characters, <c>?</c> one)
/// gets <see cref="Reply"/>.
/// </summary>
internal sealed class ApprovalRuleOptions
{
    [ConfigurationKeyName("project")]
    public string Project { get; set; } = "*";

    [ConfigurationKeyName("tool")]
    public string? Tool { get; set; }

    [ConfigurationKeyName("pattern")]
    public string? Pattern { get; set; }

    [ConfigurationKeyName("reply")]
    public string? Reply { get; set; }
}
