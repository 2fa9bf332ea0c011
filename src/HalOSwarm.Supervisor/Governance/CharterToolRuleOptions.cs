using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Governance;

/// <summary>
/// One tool-call rule: a permission request for <see cref="Tool"/> (any when unset) whose command or path matches the glob
/// <see cref="Pattern"/> (<c>*</c> any run of characters, <c>?</c> one) gets <see cref="Action"/>.
/// </summary>
internal sealed class CharterToolRuleOptions
{
    [ConfigurationKeyName("tool")]
    public string? Tool { get; set; }

    [ConfigurationKeyName("pattern")]
    public string? Pattern { get; set; }

    [ConfigurationKeyName("action")]
    public string? Action { get; set; }
}
