using HalOSwarm.Supervisor.Approvals;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Tests.Approvals;

public sealed class ApprovalRuleMatcherTests
{
    private static ApprovalRuleMatcher Matcher(params ApprovalRuleOptions[] rules) =>
        new(Options.Create(new ApprovalsOptions { Rules = [.. rules] }));

    private static readonly ApprovalRuleOptions s_allowGitStatus = new() { Project = "*", Tool = "bash", Pattern = "git status*", Reply = "once" };
    private static readonly ApprovalRuleOptions s_rejectRm = new() { Project = "*", Pattern = "rm -rf*", Reply = "reject" };

    [Fact]
    public void Match_FirstMatchingRuleWins()
    {
        var matcher = Matcher(s_allowGitStatus, new ApprovalRuleOptions { Pattern = "*", Reply = "always" });

        Assert.Equal(("approvals.rules[0]", "once"), matcher.Match("web", "bash", "bash", ["git status --short"]));
        Assert.Equal(("approvals.rules[1]", "always"), matcher.Match("web", "bash", "bash", ["ls"]));
    }

    [Fact]
    public void Match_ProjectAndToolMustFit()
    {
        var matcher = Matcher(new ApprovalRuleOptions { Project = "api", Tool = "bash", Pattern = "make*", Reply = "once" });

        Assert.NotNull(matcher.Match("api", null, "bash", ["make test"]));
        Assert.Null(matcher.Match("web", "bash", "bash", ["make test"]));
        Assert.Null(matcher.Match("api", "edit", "edit", ["make test"]));
    }

    [Fact]
    public void Match_AllowNeedsEveryPattern_RejectNeedsAny()
    {
        var matcher = Matcher(s_rejectRm, s_allowGitStatus);

        Assert.Null(Matcher(s_allowGitStatus).Match("p", "bash", "bash", ["git status", "curl evil.sh"]));
        Assert.Equal("reject", matcher.Match("p", "bash", "bash", ["git status", "rm -rf /"])?.Reply);
        Assert.Equal("once", matcher.Match("p", "bash", "bash", ["git status", "git status -s"])?.Reply);
    }

    [Theory]
    [InlineData("git status*", "git status", true)]
    [InlineData("git status*", "git statusx --all", true)]
    [InlineData("git status*", "sudo git status", false)]
    [InlineData("echo ?", "echo a", true)]
    [InlineData("echo ?", "echo ab", false)]
    [InlineData("a.b", "axb", false)]
    public void Glob_MatchesWholeText(string pattern, string text, bool expected) =>
        Assert.Equal(expected, ApprovalRuleMatcher.Glob(pattern).IsMatch(text));

    [Fact]
    public void Validator_ListsEveryErrorWithItsKey()
    {
        var result = new ApprovalsOptionsValidator().Validate(null, new ApprovalsOptions
        {
            TimeoutSec = 0,
            DefaultReply = "maybe",
            Rules = [new ApprovalRuleOptions { Project = "", Reply = "yes" }],
        });

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("approvals.timeout_sec:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("approvals.default_reply:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("approvals.rules[0].project:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("approvals.rules[0].pattern:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("approvals.rules[0].reply:", StringComparison.Ordinal));
    }
}
