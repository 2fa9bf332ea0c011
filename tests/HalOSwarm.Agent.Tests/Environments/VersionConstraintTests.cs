using HalOSwarm.Protocol.Environments;

namespace HalOSwarm.Agent.Tests.Environments;

public sealed class VersionConstraintTests
{
    [Theory]
    [InlineData(">=20", "20.11.1", true)]
    [InlineData(">=20", "18.19.0", false)]
    [InlineData(">1.2", "1.2.0", false)]
    [InlineData(">1.2", "1.2.1", true)]
    [InlineData("<3", "2.9", true)]
    [InlineData("<=3", "3.0.0", true)]
    [InlineData("=1.2.3", "1.2.3", true)]
    [InlineData("1.2", "1.2.7", true)]
    [InlineData("1.2", "1.3.0", false)]
    [InlineData("1.x", "1.9.0", true)]
    [InlineData("1.x", "2.0.0", false)]
    [InlineData("^1.2", "1.9.0", true)]
    [InlineData("^1.2", "2.0.0", false)]
    [InlineData("^1.2", "1.1.9", false)]
    [InlineData("~1.2", "1.2.9", true)]
    [InlineData("~1.2", "1.3.0", false)]
    public void IsSatisfiedBy_ComparesPartByPart(string constraint, string version, bool satisfied)
    {
        Assert.True(VersionConstraint.TryParse(constraint, out var parsed));
        Assert.Equal(satisfied, parsed.IsSatisfiedBy(version));
    }

    [Theory]
    [InlineData("")]
    [InlineData(">=")]
    [InlineData("latest")]
    [InlineData(">= 1.2 || 2")]
    [InlineData("1.2.3.4.5")]
    public void TryParse_NotAConstraint_IsFalse(string text) => Assert.False(VersionConstraint.TryParse(text, out _));

    [Theory]
    [InlineData("git version 2.47.3", "2.47.3")]
    [InlineData("v20.11.1\n", "20.11.1")]
    [InlineData("tool 7", "7")]
    [InlineData("no number here", null)]
    public void Find_TakesTheFirstVersionNumber(string output, string? expected) => Assert.Equal(expected, VersionConstraint.Find(output));
}
