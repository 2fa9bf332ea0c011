using HalOSwarm.Supervisor.Hosting;
using HalOSwarm.Testing;

namespace HalOSwarm.Supervisor.Tests.Hosting;

/// <summary>hal-supervisor's command line: the shared shell's help, one-line parse errors and exit codes.</summary>
public sealed class SupervisorCommandTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SupervisorCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
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
    public async Task Run_UnknownArgument_OneErrorLineAndExitTwo()
    {
        var (code, output, error) = await RunAsync("--confg", "x.json");

        Assert.Equal(2, code);
        Assert.Empty(output);
        var line = Assert.Single(error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.StartsWith("hal-supervisor: error: Unrecognized command or argument '--confg'", line, StringComparison.Ordinal);
        Assert.EndsWith("(see 'hal-supervisor --help')", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConfigWithoutPath_ExitsTwo()
    {
        var (code, _, error) = await RunAsync("--config");

        Assert.Equal(2, code);
        Assert.Contains("--config", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ValidateBadConfig_ListsProblemsAndExitsTwo()
    {
        using var temp = new TempDirectory("hal-cmd");
        var path = temp.Combine("supervisor.config.json");
        await File.WriteAllTextAsync(path, """{"server":{"port":0}}""");

        var (code, _, error) = await RunAsync("--config", path, "--validate");

        Assert.Equal(2, code);
        Assert.Contains("server.port:", error, StringComparison.Ordinal);
        Assert.Contains("server.auth_token:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StartWithBadConfig_ListsProblemsAndExitsTwo()
    {
        using var temp = new TempDirectory("hal-cmd");
        var path = temp.Combine("supervisor.config.json");
        await File.WriteAllTextAsync(path, """{"server":{"auth_token":"0123456789abcdef0123","port":9000,"http_port":9000}}""");

        var (code, _, error) = await RunAsync("--config", path);

        Assert.Equal(2, code);
        Assert.Contains("server.http_port: must differ from server.port", error, StringComparison.Ordinal);
    }
}
