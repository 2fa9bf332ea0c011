using System.Text.Json;
using HalOSwarm.Integration.Tests.Harness;

namespace HalOSwarm.Integration.Tests.Governance;

/// <summary>What a charter deny leaves behind, whatever the runtime: the approval, its audit entry and the violation event.</summary>
internal static class CharterChecks
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    /// <summary>
    /// A charter section whose <paramref name="project"/> denies bash commands matching <paramref name="pattern"/>, ahead of
    /// a default that allows everything else (so the deny is the charter's doing, not a missing answer).
    /// </summary>
    public static Dictionary<string, string> DenySections(string project, string pattern) => new()
    {
        ["charter"] = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["projects"] = new Dictionary<string, object>
            {
                [project] = new { tools = new[] { new { tool = "bash", pattern, action = "deny" } } },
            },
            ["default"] = new { tools = new[] { new { tool = "bash", pattern = "*", action = "allow" } } },
        }),
    };

    /// <summary>Waits for the session's approval to be rejected by the charter; asserts the audit and the violation name the rule.</summary>
    public static async Task<JsonElement> AssertDeniedByRuleAsync(HalCluster cluster, string sessionId, string rule)
    {
        var approval = await cluster.WaitForAsync(async () =>
        {
            var list = await cluster.GetDataAsync($"api/v1/approvals?session_id={sessionId}");
            return list.GetArrayLength() > 0 && list[0].Str("state") != "pending" ? list[0] : (JsonElement?)null;
        }, Wait, "the approval answered by the charter");
        Assert.Equal(("auto_reject", "reject", rule, "charter"),
            (approval.Str("state"), approval.Str("reply"), approval.Str("rule"), approval.Str("answered_by")));
        var replied = await cluster.WaitForAsync(async () =>
        {
            var events = await cluster.GetEventsAsync($"session_id={sessionId}&type=permission.replied");
            return events.Count > 0 ? events[0] : (JsonElement?)null;
        }, Wait, "permission.replied from the runtime");
        Assert.Equal("reject", replied.Data().Str("reply"));
        var audit = await cluster.WaitForAsync(async () =>
        {
            var entries = await cluster.GetDataAsync("api/v1/audit?action=approval.auto");
            return entries.EnumerateArray().Where(a => a.Str("target") == approval.Str("approval_id")).Select(a => (JsonElement?)a).FirstOrDefault();
        }, Wait, "the approval.auto audit entry");
        Assert.Equal(("charter", rule), (audit.Str("actor"), audit.GetProperty("args").Str("rule")));
        var violation = Assert.Single(await cluster.GetEventsAsync($"session_id={sessionId}&type=charter.violation"));
        Assert.Equal((rule, "tool_denied", approval.Str("approval_id")),
            (violation.Data().Str("rule"), violation.Data().Str("kind"), violation.Data().Str("approval_id")));
        return approval;
    }
}
