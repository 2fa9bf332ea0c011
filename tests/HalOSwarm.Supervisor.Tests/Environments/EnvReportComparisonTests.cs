using HalOSwarm.Protocol.Environments;
using HalOSwarm.Supervisor.Environments;

namespace HalOSwarm.Supervisor.Tests.Environments;

public sealed class EnvReportComparisonTests
{
    private static EnvCheckReport Report(params EnvItemResult[] items) => new("alpha", EnvVerdicts.Worst(items.Select(i => i.Verdict)), items);

    private static EnvItemResult Tool(string verdict) => new("tool:git", EnvItemKinds.Tool, verdict, "installed", verdict == EnvVerdicts.Ready ? "2.43.0" : "not installed");

    [Fact]
    public void Failed_FirstFailure_TellsFailingItemsOnly()
    {
        var failed = EnvReportComparison.Failed("node-1", null, Report(EnvAgentReplies.AgentMdReady(), EnvAgentReplies.ContextMissing()));

        Assert.NotNull(failed);
        Assert.Equal(("node-1", "alpha", "missing"), (failed.Node, failed.Project, failed.Verdict));
        Assert.Equal("dir:.context", Assert.Single(failed.Items).Id);
    }

    [Fact]
    public void Failed_SameFailureAgainOrReady_Null()
    {
        var failing = Report(EnvAgentReplies.ContextMissing());

        Assert.Null(EnvReportComparison.Failed("node-1", failing, Report(EnvAgentReplies.ContextMissing())));
        Assert.Null(EnvReportComparison.Failed("node-1", failing, Report(EnvAgentReplies.AgentMdReady())));
    }

    [Fact]
    public void Failed_OtherItemFailsWithSameVerdict_ToldAgain()
    {
        var failed = EnvReportComparison.Failed("node-1", Report(EnvAgentReplies.ContextMissing(), Tool(EnvVerdicts.Ready)),
            Report(EnvAgentReplies.ContextMissing(), Tool(EnvVerdicts.Missing)));

        Assert.NotNull(failed);
        Assert.Equal(["dir:.context", "tool:git"], failed.Items.Select(i => i.Id));
    }

    [Fact]
    public void Drift_ReadyItemNoLonger_OnlyThatItem()
    {
        var drift = EnvReportComparison.Drift("node-1", Report(EnvAgentReplies.AgentMdReady(), EnvAgentReplies.ContextMissing(), Tool(EnvVerdicts.Ready)),
            Report(EnvAgentReplies.AgentMdChanged("by hand"), EnvAgentReplies.ContextMissing(), Tool(EnvVerdicts.Ready)));

        Assert.NotNull(drift);
        var item = Assert.Single(drift.Items);
        Assert.Equal(("file:AGENT.md", "degraded", "changed"), (item.Id, item.Verdict, item.Actual));
    }

    [Fact]
    public void Drift_NoPreviousOrStillFailing_Null()
    {
        Assert.Null(EnvReportComparison.Drift("node-1", null, Report(EnvAgentReplies.ContextMissing())));
        Assert.Null(EnvReportComparison.Drift("node-1", Report(EnvAgentReplies.ContextMissing()), Report(EnvAgentReplies.ContextMissing())));
    }
}
