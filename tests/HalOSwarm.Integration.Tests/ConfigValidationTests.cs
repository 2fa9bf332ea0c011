using HalOSwarm.Testing;
using HalOSwarm.Testing.Processes;

namespace HalOSwarm.Integration.Tests;

/// <summary><c>--validate</c> of the built executables lists every problem with its key and starts nothing.</summary>
public sealed class ConfigValidationTests
{
    private static async Task<(int Exit, string Output)> ValidateAsync(string dll, string configJson)
    {
        using var dir = new TempDirectory("hal-cfg");
        var path = dir.Combine("config.json");
        await File.WriteAllTextAsync(path, configJson);
        await using var process = TestProcess.StartDotnet("validate", dll, ["--config", path, "--validate"], workingDirectory: dir.Path);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        return (exit, process.Output);
    }

    [Fact]
    public async Task SupervisorValidate_ManyProblems_ListsEveryKeyAndExitsNonZero()
    {
        var (exit, output) = await ValidateAsync(RepoPaths.Supervisor, """
            {"server":{"port":70000,"http_port":0,"heartbeat_interval_sec":0,"heartbeat_timeout_count":-1,"prot":1},
             "database":{"path":""}}
            """);
        Assert.NotEqual(0, exit);
        foreach (var key in new[] { "server.port", "server.http_port", "server.auth_token", "server.heartbeat_interval_sec", "server.heartbeat_timeout_count", "server.prot", "database.path" })
        {
            Assert.Contains(key, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SupervisorValidate_GoodConfig_ExitsZeroWithoutStarting()
    {
        var port = FreePort.Next();
        var config = "{\"server\":{\"port\":" + port + ",\"http_port\":" + FreePort.Next() +
            ",\"auth_token\":\"a-long-enough-token\"},\"database\":{\"path\":\"hal.db\"}}";
        var (exit, output) = await ValidateAsync(RepoPaths.Supervisor, config);
        Assert.True(exit == 0, output);
        Assert.DoesNotContain("a-long-enough-token", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupervisorValidate_NotJson_SaysSoAndExitsNonZero()
    {
        var (exit, output) = await ValidateAsync(RepoPaths.Supervisor, "{ this is not json");
        Assert.NotEqual(0, exit);
        Assert.Contains("JSON", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AgentValidate_ManyProblems_ListsEveryKeyAndExitsNonZero()
    {
        var (exit, output) = await ValidateAsync(RepoPaths.Agent, """
            {"supervisor_url":"ftp://nowhere","opencode_port":0,
             "projects":[{"name":"a","directory":"/definitely/not/here"},{"name":"a","directory":"/tmp"}],
             "colour":"blue"}
            """);
        Assert.NotEqual(0, exit);
        foreach (var key in new[] { "supervisor_url", "auth_token", "opencode_port", "projects", "colour" })
        {
            Assert.Contains(key, output, StringComparison.Ordinal);
        }
        Assert.Contains("/definitely/not/here", output, StringComparison.Ordinal);
    }
}
