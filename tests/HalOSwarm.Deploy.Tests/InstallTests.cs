using System.Text.Json;
using HalOSwarm.Testing;
using HalOSwarm.Testing.Processes;

namespace HalOSwarm.Deploy.Tests;

/// <summary>
/// deploy/install.sh and uninstall.sh run as a packager would, into a temporary root (DESTDIR), with the binaries
/// <c>./dev publish</c> made; the installed binaries run, the installed configs validate and the units pass
/// systemd's own check.
/// </summary>
[Collection(SourceTreeBuilds.Name)]
public sealed class InstallTests(PublishedRelease release) : IClassFixture<PublishedRelease>
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    private string InstallScript => Path.Combine(release.Folder, "install.sh");

    private string UninstallScript => Path.Combine(release.Folder, "uninstall.sh");

    [Fact]
    public async Task Install_IntoATemporaryRoot_LaysOutBinariesConfigsStateUnitsAndDocs()
    {
        using var root = new TempDirectory("hal-root");

        var result = await Run.BashAsync(InstallScript, ["--destdir", root.Path], s_timeout);

        Assert.True(result.ExitCode == 0, result.Output);
        foreach (var binary in new[] { "hal-supervisor", "hal-agent", "halctl" })
        {
            Assert.Equal("rwxr-xr-x", Mode(root.Combine("usr", "local", "bin", binary)));
        }
        Assert.Equal("rwxr-x---", Mode(root.Combine("etc", "hal-o-swarm")));
        Assert.Equal("rw-r-----", Mode(root.Combine("etc", "hal-o-swarm", "supervisor.config.json")));
        Assert.Equal("rw-r-----", Mode(root.Combine("etc", "hal-o-swarm", "agent.config.json")));
        Assert.Equal("rwxr-x---", Mode(root.Combine("var", "lib", "hal-o-swarm", "supervisor")));
        Assert.Equal("rwxr-x---", Mode(root.Combine("var", "lib", "hal-o-swarm", "agent")));
        Assert.True(File.Exists(root.Combine("usr", "local", "share", "doc", "hal-o-swarm", "OPERATIONS.md")));

        var supervisorUnit = await File.ReadAllTextAsync(root.Combine("etc", "systemd", "system", "hal-supervisor.service"));
        Assert.Contains("ExecStart=/usr/local/bin/hal-supervisor --config /etc/hal-o-swarm/supervisor.config.json", supervisorUnit, StringComparison.Ordinal);
        Assert.Contains("Type=notify", supervisorUnit, StringComparison.Ordinal);
        var agentUnit = await File.ReadAllTextAsync(root.Combine("etc", "systemd", "system", "hal-agent.service"));
        Assert.Contains("ExecStart=/usr/local/bin/hal-agent --config /etc/hal-o-swarm/agent.config.json", agentUnit, StringComparison.Ordinal);

        // A fresh install replaces the examples' placeholder token with one random token shared by both configs.
        var supervisorToken = Token(root.Combine("etc", "hal-o-swarm", "supervisor.config.json"), "server", "auth_token");
        Assert.DoesNotContain("CHANGE-ME", supervisorToken, StringComparison.Ordinal);
        Assert.True(supervisorToken.Length >= 24, supervisorToken);
        Assert.Equal(supervisorToken, Token(root.Combine("etc", "hal-o-swarm", "agent.config.json"), "auth_token"));
    }

    [Fact]
    public async Task Install_Again_KeepsEditedConfigsAndReplacesBinaries()
    {
        using var root = new TempDirectory("hal-root");
        Assert.Equal(0, (await Run.BashAsync(InstallScript, ["--destdir", root.Path], s_timeout)).ExitCode);
        var config = root.Combine("etc", "hal-o-swarm", "supervisor.config.json");
        await File.WriteAllTextAsync(config, """{ "server": { "auth_token": "edited-by-the-operator-0123" } }""");
        var halctl = root.Combine("usr", "local", "bin", "halctl");
        await File.WriteAllTextAsync(halctl, "stale");

        var again = await Run.BashAsync(InstallScript, ["--destdir", root.Path], s_timeout);

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("kept", again.Output, StringComparison.Ordinal);
        Assert.Equal("""{ "server": { "auth_token": "edited-by-the-operator-0123" } }""", await File.ReadAllTextAsync(config));
        Assert.Equal(new FileInfo(Path.Combine(release.Folder, "bin", "halctl")).Length, new FileInfo(halctl).Length);
    }

    [Fact]
    public async Task InstalledBinaries_RunWithoutTheSdk_AndTheInstalledSupervisorConfigValidates()
    {
        using var root = new TempDirectory("hal-root");
        Assert.Equal(0, (await Run.BashAsync(InstallScript, ["--destdir", root.Path], s_timeout)).ExitCode);
        var bin = root.Combine("usr", "local", "bin");
        // No dotnet on PATH and no DOTNET_ROOT: self-contained binaries need neither.
        var bare = new Dictionary<string, string?> { ["PATH"] = "/usr/bin:/bin", ["DOTNET_ROOT"] = null, ["DOTNET_HOST_PATH"] = null };

        var version = await Run.ProgramAsync(Path.Combine(bin, "halctl"), ["--version"], s_timeout, bare);
        var validate = await Run.ProgramAsync(Path.Combine(bin, "hal-supervisor"),
            ["--validate", "--config", root.Combine("etc", "hal-o-swarm", "supervisor.config.json")], s_timeout, bare);
        var agentHelp = await Run.ProgramAsync(Path.Combine(bin, "hal-agent"), ["stop-runtimes", "--help"], s_timeout, bare);

        Assert.True(version.ExitCode == 0, version.Output);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Output.Trim());
        Assert.True(validate.ExitCode == 0, validate.Output);
        Assert.Contains("is valid", validate.Output, StringComparison.Ordinal);
        Assert.True(agentHelp.ExitCode == 0, agentHelp.Output);
        Assert.Contains("stop-runtimes", agentHelp.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstalledSupervisor_ServesTheDashboardWithItsStylesAndScriptsFromShare()
    {
        using var root = new TempDirectory("hal-root");
        Assert.Equal(0, (await Run.BashAsync(InstallScript, ["--destdir", root.Path], s_timeout)).ExitCode);
        Assert.True(File.Exists(root.Combine("usr", "local", "share", "hal-o-swarm", "hal-supervisor.staticwebassets.endpoints.json")));
        var httpPort = FreePort.Next();
        var config = root.Combine("supervisor.json");
        await File.WriteAllTextAsync(config, $$"""
            { "server": { "port": {{FreePort.Next()}}, "http_port": {{httpPort}}, "auth_token": "install-test-token-0123456789", "bind_address": "127.0.0.1" },
              "database": { "path": "{{root.Combine("supervisor.db")}}" } }
            """);
        var bare = new Dictionary<string, string?> { ["PATH"] = "/usr/bin:/bin", ["DOTNET_ROOT"] = null, ["DOTNET_HOST_PATH"] = null };
        await using var supervisor = TestProcess.Start("hal-supervisor", root.Combine("usr", "local", "bin", "hal-supervisor"), ["--config", config], bare, root.Path);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}"), Timeout = TimeSpan.FromSeconds(10) };
        await supervisor.WaitForOutputAsync("hal-supervisor listening", TimeSpan.FromSeconds(60));

        var page = await http.GetStringAsync("/signin");

        var assets = System.Text.RegularExpressions.Regex.Matches(page, "(?:href|src)=\"(_content/MudBlazor/[^\"]+|_framework/blazor\\.web\\.[^\"]+)\"")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.True(assets.Count >= 3, "the sign-in page names the library's styles and scripts: " + page[..Math.Min(page.Length, 800)]);
        foreach (var asset in assets)
        {
            using var response = await http.GetAsync("/" + asset);
            Assert.True(response.IsSuccessStatusCode, $"/{asset} -> {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task InstalledUnits_PassSystemdAnalyzeVerify()
    {
        using var root = new TempDirectory("hal-root");
        Assert.Equal(0, (await Run.BashAsync(InstallScript, ["--destdir", root.Path], s_timeout)).ExitCode);
        // verify resolves the units' dependencies (sysinit.target…) inside the root: give it the system's own units.
        Directory.CreateDirectory(root.Combine("usr", "lib", "systemd"));
        var copy = await Run.ProgramAsync("cp", ["-a", "/usr/lib/systemd/system", root.Combine("usr", "lib", "systemd")], s_timeout);
        Assert.True(copy.ExitCode == 0, copy.Output);

        var verify = await Run.ProgramAsync("systemd-analyze",
            ["verify", "--root=" + root.Path, "/etc/systemd/system/hal-supervisor.service", "/etc/systemd/system/hal-agent.service"], s_timeout);

        Assert.True(verify.ExitCode == 0, verify.Output);
        // Unknown or misspelt directives are only warnings to verify: none is allowed.
        Assert.True(verify.Output.Trim().Length == 0, verify.Output);
    }

    [Fact]
    public async Task Uninstall_KeepsConfigsAndState_ThenPurgeRemovesThem()
    {
        using var root = new TempDirectory("hal-root");
        Assert.Equal(0, (await Run.BashAsync(InstallScript, ["--destdir", root.Path], s_timeout)).ExitCode);
        await File.WriteAllTextAsync(root.Combine("var", "lib", "hal-o-swarm", "supervisor", "supervisor.db"), "data");

        var uninstall = await Run.BashAsync(UninstallScript, ["--destdir", root.Path], s_timeout);

        Assert.True(uninstall.ExitCode == 0, uninstall.Output);
        Assert.False(File.Exists(root.Combine("usr", "local", "bin", "hal-supervisor")));
        Assert.False(File.Exists(root.Combine("etc", "systemd", "system", "hal-agent.service")));
        Assert.True(File.Exists(root.Combine("etc", "hal-o-swarm", "supervisor.config.json")));
        Assert.True(File.Exists(root.Combine("var", "lib", "hal-o-swarm", "supervisor", "supervisor.db")));

        var purge = await Run.BashAsync(UninstallScript, ["--destdir", root.Path, "--purge"], s_timeout);

        Assert.True(purge.ExitCode == 0, purge.Output);
        Assert.False(Directory.Exists(root.Combine("etc", "hal-o-swarm")));
        Assert.False(Directory.Exists(root.Combine("var", "lib", "hal-o-swarm")));
    }

    [Fact]
    public async Task Install_OnlyHalctl_InstallsNoServiceConfigOrState()
    {
        using var root = new TempDirectory("hal-root");

        var result = await Run.BashAsync(InstallScript, ["--halctl", "--destdir", root.Path], s_timeout);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(File.Exists(root.Combine("usr", "local", "bin", "halctl")));
        Assert.False(File.Exists(root.Combine("usr", "local", "bin", "hal-supervisor")));
        Assert.False(Directory.Exists(root.Combine("etc", "hal-o-swarm")));
        Assert.False(Directory.Exists(root.Combine("etc", "systemd")));
    }

    private static string Mode(string path)
    {
        var mode = File.GetUnixFileMode(path);
        return string.Concat(
            Bit(mode, UnixFileMode.UserRead, 'r'), Bit(mode, UnixFileMode.UserWrite, 'w'), Bit(mode, UnixFileMode.UserExecute, 'x'),
            Bit(mode, UnixFileMode.GroupRead, 'r'), Bit(mode, UnixFileMode.GroupWrite, 'w'), Bit(mode, UnixFileMode.GroupExecute, 'x'),
            Bit(mode, UnixFileMode.OtherRead, 'r'), Bit(mode, UnixFileMode.OtherWrite, 'w'), Bit(mode, UnixFileMode.OtherExecute, 'x'));
    }

    private static char Bit(UnixFileMode mode, UnixFileMode bit, char set) => (mode & bit) != 0 ? set : '-';

    private static string Token(string configPath, params string[] path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(configPath));
        var element = document.RootElement;
        foreach (var key in path)
        {
            element = element.GetProperty(key);
        }
        return element.GetString()!;
    }
}
