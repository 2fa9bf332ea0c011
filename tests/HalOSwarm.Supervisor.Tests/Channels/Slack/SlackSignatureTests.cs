using System.Text;
using HalOSwarm.Supervisor.Channels.Slack;

namespace HalOSwarm.Supervisor.Tests.Channels.Slack;

public sealed class SlackSignatureTests
{
    private const string Body = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset s_signedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    [Fact]
    public void Compute_PublishedTestVector_MatchesSlacksSignature()
    {
        Assert.Equal(Expected, SlackSignature.Compute(SlackConfig.SigningSecret, "1531420618", Encoding.UTF8.GetBytes(Body)));
    }

    [Fact]
    public void Verify_PublishedTestVectorWithinFiveMinutes_True()
    {
        Assert.True(SlackSignature.Verify(SlackConfig.SigningSecret, "1531420618", Expected, Encoding.UTF8.GetBytes(Body), s_signedAt.AddSeconds(299)));
    }

    [Fact]
    public void Verify_TimestampMoreThanFiveMinutesOff_False()
    {
        Assert.False(SlackSignature.Verify(SlackConfig.SigningSecret, "1531420618", Expected, Encoding.UTF8.GetBytes(Body), s_signedAt.AddSeconds(301)));
        Assert.False(SlackSignature.Verify(SlackConfig.SigningSecret, "1531420618", Expected, Encoding.UTF8.GetBytes(Body), s_signedAt.AddSeconds(-301)));
    }

    [Fact]
    public void Verify_BodyChangedOrWrongSecretOrJunk_False()
    {
        Assert.False(SlackSignature.Verify(SlackConfig.SigningSecret, "1531420618", Expected, Encoding.UTF8.GetBytes(Body + "x"), s_signedAt));
        Assert.False(SlackSignature.Verify("another-secret-0123456789", "1531420618", Expected, Encoding.UTF8.GetBytes(Body), s_signedAt));
        Assert.False(SlackSignature.Verify(SlackConfig.SigningSecret, "-1531420618", Expected, Encoding.UTF8.GetBytes(Body), s_signedAt));
        Assert.False(SlackSignature.Verify(SlackConfig.SigningSecret, null, Expected, Encoding.UTF8.GetBytes(Body), s_signedAt));
        Assert.False(SlackSignature.Verify(SlackConfig.SigningSecret, "1531420618", "v0=00", Encoding.UTF8.GetBytes(Body), s_signedAt));
    }
}
