using HalOSwarm.Testing;

namespace HalOSwarm.Agent.Tests;

/// <summary>hal-agent's command line: the shared shell's help, one-line parse errors and exit codes.</summary>
public sealed class AgentCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new("hal-agent-cmd");

    public void Dispose() => _dir.Dispose();

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await AgentCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string Write(string json)
    {
        var path = _dir.Combine("agent.config.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Run_Help_ExitsZeroAndListsOptionsAndExitCodes()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("--config", output, StringComparison.Ordinal);
        Assert.Contains("--validate", output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 success; 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoConfig_OneErrorLineAndExitTwo()
    {
        var (code, output, error) = await RunAsync();

        Assert.Equal(2, code);
        Assert.Empty(output);
        var line = Assert.Single(error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.StartsWith("hal-agent: error: Option '--config' is required", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ValidateBadConfig_ListsEveryProblemAndExitsTwo()
    {
        var path = Write("""{"supervisor_url":"http://x/ws/agent","state_dir":"s"}""");

        var (code, _, error) = await RunAsync("--config", path, "--validate");

        Assert.Equal(2, code);
        Assert.Contains("config error: supervisor_url:", error, StringComparison.Ordinal);
        Assert.Contains("config error: auth_token:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ValidateGoodConfig_ExitsZeroWithoutStarting()
    {
        var path = Write($$"""
            {"supervisor_url":"ws://127.0.0.1:1/ws/agent","auth_token":"t","state_dir":"state",
             "projects":[{"name":"a","directory":"{{_dir.Path}}"}]}
            """);

        var (code, output, _) = await RunAsync("--config", path, "--validate");

        Assert.Equal(0, code);
        Assert.Contains("configuration is valid", output, StringComparison.Ordinal);
    }
}
