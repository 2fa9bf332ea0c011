using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Governance;

/// <summary><c>hal-supervisor --validate</c> on a <c>charter</c> section: shapes, unknown keys and rules, all at once.</summary>
public sealed class CharterConfigTests
{
    [Fact]
    public async Task Validate_BadCharter_EveryProblemWithItsFullKeyAtOnce()
    {
        using var temp = new TempDirectory("hal-cfg");
        var path = temp.Combine("supervisor.config.json");
        await File.WriteAllTextAsync(path, """
            {"server":{"auth_token":"0123456789abcdef0123"},"database":{"path":"x.db"},
             "charter":{"default":{"max_sessions_per_node":0,"tools":[{"pattern":"x","action":"block","reply":"once"}]},
                        "projects":{"demo":{"max_prompts_per_hour":"many","max_session":3}}}}
            """);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await SupervisorCommand.RunAsync(["--config", path, "--validate"], output, error);

        Assert.NotEqual(0, code);
        var text = error.ToString();
        Assert.Contains("charter.default.tools[0].reply: unknown key (known: tool, pattern, action)", text, StringComparison.Ordinal);
        Assert.Contains("charter.projects.demo.max_prompts_per_hour: 'many' is not a valid integer", text, StringComparison.Ordinal);
        Assert.Contains("charter.projects.demo.max_session: unknown key", text, StringComparison.Ordinal);
        Assert.Contains("charter.default.max_sessions_per_node: must be from 1 to 1000000, or left out for no limit (was 0)", text, StringComparison.Ordinal);
        Assert.Contains("charter.default.tools[0].action: must be one of deny, ask, allow (was 'block')", text, StringComparison.Ordinal);
    }
}
