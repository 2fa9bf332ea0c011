using HalOSwarm.Agent.Runtimes.Codex;
using HalOSwarm.Testing;

namespace HalOSwarm.Agent.Tests.Runtimes.Codex;

/// <summary>Threads listed for adoption from a CODEX_HOME, over the start of a recorded 0.169 rollout file.</summary>
public sealed class CodexThreadsTests
{
    private const string Thread = "01a21bf0-22b2-7131-b556-1643ad36e151";

    private static TempDirectory HomeWithRollout()
    {
        var home = new TempDirectory("cx-home");
        var day = home.Combine("sessions", "2026", "11", "27");
        Directory.CreateDirectory(day);
        File.Copy(Fixtures.PathOf("cx_rollout.jsonl"), Path.Combine(day, $"rollout-2026-11-27T07-37-32-{Thread}.jsonl"));
        return home;
    }

    [Fact]
    public void Under_ProjectFolder_ThreadWithIdDirectoryAndFirstPromptAsTitle()
    {
        using var home = HomeWithRollout();

        var thread = Assert.Single(CodexThreads.Under(home.Path, "/home/dev/lab/cx-proj"));

        Assert.Equal(Thread, thread.ExternalId);
        Assert.Equal("/home/dev/lab/cx-proj", thread.Directory);
        Assert.Equal("hi", thread.Title);
        Assert.NotNull(thread.LastActivityAt);
    }

    [Fact]
    public void Under_OtherFolder_Nothing()
    {
        using var home = HomeWithRollout();

        Assert.Empty(CodexThreads.Under(home.Path, "/home/dev/lab/cx"));
        Assert.Empty(CodexThreads.Under(home.Combine("missing"), "/home/dev/lab/cx-proj"));
    }
}
