using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Approvals;

/// <summary>The <c>approvals</c> section: how long a permission request may wait, what it gets then, and the automatic rules.</summary>
internal sealed class ApprovalsOptions
{
    public const string SectionName = "approvals";

    /// <summary>A request nobody answered within this many seconds is answered with <see cref="DefaultReply"/>.</summary>
    [ConfigurationKeyName("timeout_sec")]
    public int TimeoutSec { get; set; } = 300;

    /// <summary><c>reject</c>, <c>once</c> or <c>always</c>.</summary>
    [ConfigurationKeyName("default_reply")]
    public string DefaultReply { get; set; } = ApprovalReplies.Reject;

    /// <summary>Answered automatically, first match wins.</summary>
    [ConfigurationKeyName("rules")]
    public List<ApprovalRuleOptions> Rules { get; set; } = [];
}
