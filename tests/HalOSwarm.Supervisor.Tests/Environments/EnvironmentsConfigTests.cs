using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Environments;

/// <summary>The <c>environments</c> section through the real <c>--validate</c>: every problem at once, each with its full key.</summary>
public sealed class EnvironmentsConfigTests
{
    private const string Server = "\"server\":{\"auth_token\":\"0123456789abcdef0123\"},\"database\":{\"path\":\"x.db\"}";

    private static async Task<(int Code, string Output, string Error)> ValidateAsync(string environments)
    {
        using var temp = new TempDirectory("hal-cfg");
        var path = temp.Combine("supervisor.config.json");
        await File.WriteAllTextAsync(path, "{" + Server + ",\"environments\":" + environments + "}");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SupervisorCommand.RunAsync(["--config", path, "--validate"], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Validate_ManyEnvironmentProblems_EveryKeyReported()
    {
        var (code, _, error) = await ValidateAsync("""
            {"check_interval_sec": 5,
             "templates": {"Bad Name": {"text": "x"}, "both": {"text": "x", "file": "/nowhere"}},
             "default": {"tools": {"git": {"version": "newest"}}},
             "projects": {"alpha": {
               "tools": {"node": {"verison": ">=20", "install": "a\nb"}},
               "env": {"1BAD": {"required": true}, "GOOD": {"secret": true}},
               "agents_md": {"template": "nope", "path": "../AGENT.md", "mode": "x"},
               "context": {"/abs.md": "progress"},
               "docs": {"README.md": {"template": "missing-one"}},
               "git": {"branch": "bad branch", "hooks": {"pre-nothing": "progress"}, "token": "x"},
               "colour": "blue"}}}
            """);

        Assert.NotEqual(0, code);
        foreach (var key in new[]
        {
            "environments.check_interval_sec:", "environments.templates.Bad Name:", "environments.templates.both:",
            "environments.default.tools.git.version:", "environments.projects.alpha.tools.node.verison: unknown key",
            "environments.projects.alpha.tools.node.install:", "environments.projects.alpha.env.1BAD:",
            "environments.projects.alpha.env.GOOD.secret: unknown key", "environments.projects.alpha.agents_md.template:",
            "environments.projects.alpha.agents_md.path:", "environments.projects.alpha.agents_md.mode: unknown key",
            "environments.projects.alpha.context./abs.md:", "environments.projects.alpha.docs.README.md.template:",
            "environments.projects.alpha.git.branch:", "environments.projects.alpha.git.hooks.pre-nothing:",
            "environments.projects.alpha.git.token: unknown key", "environments.projects.alpha.colour: unknown key",
        })
        {
            Assert.Contains(key, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Validate_ExampleLikeSection_Valid()
    {
        var (code, output, error) = await ValidateAsync("""
            {"check_interval_sec": 0, "templates": {"rules": {"text": "Test {{project}} first."}},
             "default": {"agents_md": {"template": "agent-md"}, "context": {"PROGRESS.md": "progress"}},
             "projects": {"alpha": {"tools": {"git": {"version": ">=2.30"}}, "env": {"API_KEY": {"required": true}},
               "docs": {"RULES.md": {"template": "rules", "required": false}}, "git": {"remote": "origin", "branch": "main"}}}}
            """);

        Assert.True(code == 0, error);
        Assert.Contains("is valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_DeployExampleConfig_EnvironmentsSectionValid()
    {
        var example = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "deploy", "supervisor.config.example.json"));
        var section = System.Text.Json.Nodes.JsonNode.Parse(example)!["environments"]!.ToJsonString();

        var (code, _, error) = await ValidateAsync(section);

        Assert.True(code == 0, error);
    }
}
