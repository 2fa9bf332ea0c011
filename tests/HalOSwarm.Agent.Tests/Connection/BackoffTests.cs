using HalOSwarm.Agent.Connection;

namespace HalOSwarm.Agent.Tests.Connection;

public sealed class BackoffTests
{
    [Fact]
    public void Next_DoublesFromOneToThirtySeconds_WithinJitter()
    {
        var backoff = new Backoff(new Random(42));
        double[] bases = [1, 2, 4, 8, 16, 30, 30, 30];

        foreach (var expected in bases)
        {
            var delay = backoff.Next().TotalSeconds;
            Assert.InRange(delay, expected * 0.8, expected * 1.2);
        }
    }

    [Fact]
    public void Next_JitterSpreadsDelays()
    {
        var delays = Enumerable.Range(0, 200).Select(i => new Backoff(new Random(i)).Next().TotalSeconds).ToList();

        Assert.All(delays, d => Assert.InRange(d, 0.8, 1.2));
        Assert.True(delays.Max() - delays.Min() > 0.2, "jitter should spread the first delay");
    }

    [Fact]
    public void Reset_StartsAgainAtOneSecond()
    {
        var backoff = new Backoff(new Random(1));
        for (var i = 0; i < 6; i++)
        {
            backoff.Next();
        }

        backoff.Reset();

        Assert.InRange(backoff.Next().TotalSeconds, 0.8, 1.2);
    }
}
