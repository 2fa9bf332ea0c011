using System.Text.RegularExpressions;
using HalOSwarm.Supervisor.Channels.Chat;
using HalOSwarm.Supervisor.Tokens;

namespace HalOSwarm.Supervisor.Tests.Channels.Chat;

/// <summary>The command list as the platforms register it: within Discord's rules for names, descriptions and options.</summary>
public sealed partial class ChatCommandListTests
{
    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex Name();

    [Fact]
    public void Commands_AsRegistered_NamesDescriptionsOptionsAndRolesFitEveryPlatform()
    {
        var commands = ChatCommandList.All;

        Assert.Equal(["status", "nodes", "logs", "start", "inject", "resume", "restart", "kill", "abort", "cost", "approvals", "budget"],
            commands.Select(c => c.Name));
        Assert.All(commands, c =>
        {
            Assert.Matches(Name(), c.Name);
            Assert.InRange(c.Description.Length, 1, 100);
            Assert.All(c.Options, o => Assert.Matches(Name(), o.Name));
            Assert.All(c.Options, o => Assert.InRange(o.Description.Length, 1, 100));
            Assert.DoesNotContain(c.Options.SkipLast(1), o => o.Kind == ChatOptionKind.RestOfLine);
            Assert.Equal(c.Slow ? TokenRoles.Operator : TokenRoles.Viewer, c.Role);
        });
        Assert.Equal("/inject <session> <text>", ChatCommandList.Usage(ChatCommandList.Find("inject")!));
    }
}
