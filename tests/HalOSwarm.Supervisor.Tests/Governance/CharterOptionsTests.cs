using HalOSwarm.Supervisor.Governance;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Supervisor.Tests.Governance;

/// <summary>The <c>charter</c> section: validation with full keys, inheritance, and the tool rules' glob matching.</summary>
public sealed class CharterOptionsTests
{
    private static CharterOptions Options(CharterRulesOptions? fleet = null, Dictionary<string, CharterRulesOptions>? projects = null) =>
        new() { Default = fleet ?? new(), Projects = projects ?? [] };

    private static CharterToolRuleOptions Rule(string pattern, string action, string? tool = "bash") => new() { Tool = tool, Pattern = pattern, Action = action };

    [Fact]
    public void Validate_SeveralProblems_EveryOneWithItsFullKeyAtOnce()
    {
        var options = Options(
            new CharterRulesOptions { MaxSessionsPerNode = 0, Tools = [Rule("", "deny"), Rule("git push*", "maybe", tool: " ")] },
            new() { ["demo"] = new CharterRulesOptions { MaxPromptsPerHour = -1, MaxSessionMinutes = 2_000_000, Tools = [Rule("rm *", "deny")] } });
        options.CheckIntervalSec = 0;

        var result = new CharterOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
        [
            "charter.check_interval_sec: must be from 1 to 3600 seconds (was 0)",
            "charter.default.max_sessions_per_node: must be from 1 to 1000000, or left out for no limit (was 0)",
            "charter.default.tools[0].pattern: is required, 1-1024 characters without control characters (a glob such as 'rm -rf *'; * matches anything)",
            "charter.default.tools[1].action: must be one of deny, ask, allow (was 'maybe')",
            "charter.default.tools[1].tool: must be a tool name such as bash (1-128 characters), or left out",
            "charter.projects.demo.max_session_minutes: must be from 1 to 1000000, or left out for no limit (was 2000000)",
            "charter.projects.demo.max_prompts_per_hour: must be from 1 to 1000000, or left out for no limit (was -1)",
        ], result.Failures);
    }

    [Fact]
    public void Charter_ProjectSetsSome_InheritsTheRestWithTheDefaultsKeys()
    {
        var options = Options(
            new CharterRulesOptions { MaxSessionsPerNode = 4, MaxPromptsPerHour = 30, Tools = [Rule("rm -rf *", "deny")] },
            new() { ["demo"] = new CharterRulesOptions { MaxSessionsPerNode = 2, Tools = [Rule("git push*", "ask")] } });
        var book = new CharterBook(Microsoft.Extensions.Options.Options.Create(options));

        var demo = book.For("demo");
        var other = book.For("other");

        Assert.Equal(("charter.projects.demo.max_sessions_per_node", 2), (demo.Limit(Charter.MaxSessionsPerNode)!.Key, demo.Limit(Charter.MaxSessionsPerNode)!.Value));
        Assert.Equal("charter.default.max_prompts_per_hour", demo.Limit(Charter.MaxPromptsPerHour)!.Key);
        Assert.Null(demo.Limit(Charter.MaxSessionMinutes));
        Assert.Equal(["charter.projects.demo.tools[0]", "charter.default.tools[0]"], demo.Tools.Select(t => t.Key));
        Assert.Equal(("charter.default.max_sessions_per_node", 4), (other.Limit(Charter.MaxSessionsPerNode)!.Key, other.Limit(Charter.MaxSessionsPerNode)!.Value));
        Assert.Equal(["charter.default.tools[0]"], other.Tools.Select(t => t.Key));
    }

    [Theory]
    [InlineData("rm -rf /tmp/x", "charter.default.tools[1]")]
    [InlineData("git status && rm -rf build", "charter.default.tools[1]")]
    [InlineData("git status; rm -rf build", "charter.default.tools[1]")]
    [InlineData("git status", "charter.default.tools[0]")]
    [InlineData("git push origin main", "charter.projects.demo.tools[0]")]
    [InlineData("ls -la", null)]
    public void Match_FirstRuleWinsAllowNeedsEveryPartDenyAnyPart(string command, string? expected)
    {
        var options = Options(
            new CharterRulesOptions { Tools = [Rule("git *", "allow"), Rule("rm -rf *", "deny")] },
            new() { ["demo"] = new CharterRulesOptions { Tools = [Rule("git push*", "ask")] } });
        var charter = new CharterBook(Microsoft.Extensions.Options.Options.Create(options)).For("demo");

        Assert.Equal(expected, charter.Match("bash", "bash", [command])?.Key);
    }

    [Fact]
    public void Match_SeveralPatterns_DeniedWhenAnyMatchesAndToolComparedWithToolOrPermission()
    {
        var charter = new CharterBook(Microsoft.Extensions.Options.Options.Create(Options(new CharterRulesOptions
        {
            Tools = [Rule("*.env", "deny", tool: "edit"), Rule("echo *", "allow", tool: "bash")],
        }))).Default;

        Assert.Equal("charter.default.tools[0]", charter.Match("apply_patch", "edit", ["src/a.cs", "config/.env"])?.Key);
        Assert.Null(charter.Match("apply_patch", "edit", ["src/a.cs"]));
        Assert.Equal("charter.default.tools[1]", charter.Match("Bash", "Bash", ["echo a | echo b"])?.Key);
        Assert.Null(charter.Match("Bash", "Bash", ["echo a | wc -l"]));
    }
}
