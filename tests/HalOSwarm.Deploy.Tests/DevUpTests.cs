using System.Globalization;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Processes;
using HalOSwarm.Testing.Tools;

namespace HalOSwarm.Deploy.Tests;

/// <summary>
/// <c>./dev up</c>, the README's first command: it prints a dashboard sign-in link that works (once), and SIGTERM stops
/// all it started, as Ctrl-C does.
/// </summary>
[Collection(SourceTreeBuilds.Name)]
public sealed class DevUpTests
{
    [Fact]
    public async Task DevUp_SignInLinkThenSigterm_SignsInOnceAndStopsTheSupervisorTheAgentAndTheOpenCodeServer()
    {
        await NpmTool.OpenCode.EnsureInstalledAsync();
        using var run = new TempDirectory("hal-devup");
        var openCodePort = FreePort.Next();
        var env = new Dictionary<string, string?>
        {
            ["HAL_RUN_DIR"] = run.Path,
            ["HAL_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["HAL_HTTP_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["HAL_OPENCODE_PORT"] = openCodePort.ToString(CultureInfo.InvariantCulture),
            ["HAL_TOOLS_DIR"] = NpmTool.ToolsDirectory,
            ["CONFIGURATION"] = RepoPaths.Configuration,
        };
        await using var up = TestProcess.Start("dev up", "/bin/bash", [Path.Combine(RepoPaths.Root, "dev"), "up"], env, RepoPaths.Root);
        try
        {
            await up.WaitForOutputAsync("Ctrl-C stops everything", TimeSpan.FromMinutes(10));
            var pidFile = Path.Combine(run.Path, "agent-state", "opencode.pid");
            var openCode = await WaitForAsync(() => File.Exists(pidFile) && ProcessTools.IsAlive(OpenCodePid(pidFile)) ? OpenCodePid(pidFile) : 0,
                TimeSpan.FromSeconds(90), "the agent started opencode", up);
            var daemons = ProcessTools.FindByCommandLine(run.Path);
            Assert.True(daemons.Count >= 2, "supervisor and agent not found running:\n" + up.Output);
            await AssertSignInLinkWorksOnceAsync(up.Output);

            var code = await up.StopAsync(TimeSpan.FromSeconds(90));

            Assert.Equal(143, code);
            Assert.Contains("dev: stopped", up.Output, StringComparison.Ordinal);
            Assert.All(daemons, pid => Assert.False(ProcessTools.IsAlive(pid), $"pid {pid} still runs after SIGTERM:\n{up.Output}"));
            Assert.False(ProcessTools.IsAlive(openCode), "the opencode server still runs after SIGTERM:\n" + up.Output);
        }
        finally
        {
            await ProcessTools.KillByCommandLineAsync(TimeSpan.FromSeconds(5), run.Path);
            await ProcessTools.KillByCommandLineAsync(TimeSpan.FromSeconds(5), "serve", "--port", openCodePort.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The printed link opens the fleet page signed in as the admin token; a second use lands on the sign-in page.</summary>
    private static async Task AssertSignInLinkWorksOnceAsync(string output)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.TrimStart().StartsWith("dashboard ", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException("no dashboard line in:\n" + output);
        var link = new Uri(line.Trim()["dashboard".Length..].Trim());
        Assert.StartsWith("/auth/link/", link.AbsolutePath, StringComparison.Ordinal);

        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() });
        using var first = await browser.GetAsync(link);
        var page = await first.Content.ReadAsStringAsync();
        Assert.Equal("/", first.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("server · admin", page, StringComparison.Ordinal);

        using var again = new HttpClient();
        using var second = await again.GetAsync(link);
        Assert.Equal("/signin", second.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("already used or has expired", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static int OpenCodePid(string pidFile) =>
        int.Parse(File.ReadAllText(pidFile).Split(' ')[0].Trim(), CultureInfo.InvariantCulture);

    private static async Task<int> WaitForAsync(Func<int> probe, TimeSpan timeout, string what, TestProcess up)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is var value and not 0)
            {
                return value;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{what}: not within {timeout}:\n{up.Output}");
    }
}
