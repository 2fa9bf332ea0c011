using HalOSwarm.Ctl.Tests.Support;

namespace HalOSwarm.Ctl.Tests.Commands;

public sealed class CliParsingTests
{
    private static Func<HttpMessageHandler> NoHttp => () => new StubHandler(_ => throw new InvalidOperationException("no request expected"));

    [Theory]
    [InlineData("bogus")]
    [InlineData("sessions", "frobnicate")]
    public async Task Run_UnknownCommand_ExitsTwoWithOneErrorLine(params string[] args)
    {
        var run = await CliRun.RunAsync(args, NoHttp);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        Assert.StartsWith("halctl: error: Unrecognized command or argument 'frobnicate'".Replace("frobnicate", args[^1], StringComparison.Ordinal), line);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Run_MissingArgument_ExitsTwo()
    {
        var run = await CliRun.RunAsync(["sessions", "get"], NoHttp);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("halctl: error: ", run.Error);
    }

    [Theory]
    [InlineData("--format", "yaml")]
    [InlineData("--limit", "0")]
    [InlineData("--status", "sleeping")]
    public async Task Run_InvalidOptionValue_ExitsTwo(string option, string value)
    {
        var run = await CliRun.RunAsync(["sessions", "list", option, value], NoHttp);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Run_MalformedSupervisorUrl_ExitsOneWithoutRequest()
    {
        var run = await CliRun.RunAsync(["nodes", "list", "--supervisor-url", "localhost:8421"], NoHttp);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("halctl: error: invalid supervisor URL 'localhost:8421'", run.Error);
    }

    [Fact]
    public async Task Run_Help_ExitsZeroAndListsExitCodes()
    {
        var run = await CliRun.RunAsync(["--help"], NoHttp);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Exit codes", run.Out);
        Assert.Contains("sessions", run.Out);
    }
}
