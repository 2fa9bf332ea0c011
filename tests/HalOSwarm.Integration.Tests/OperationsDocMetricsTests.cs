using HalOSwarm.Integration.Tests.Harness;
using HalOSwarm.Testing;

namespace HalOSwarm.Integration.Tests;

/// <summary>
/// The shell commands of docs/OPERATIONS.md's "Health, readiness and metrics" and "Following a command", run as
/// written (only the example ports and project name replaced by this cluster's), against the built binaries.
/// </summary>
public sealed class OperationsDocMetricsTests
{
    [Fact]
    public async Task OperationsDoc_HealthMetricsAndFollowingACommand_CommandsSucceedAsWritten()
    {
        var metricsPort = FreePort.Next();
        await using var cluster = await HalCluster.StartAsync(new ClusterOptions
        {
            AgentEnvironment = new Dictionary<string, string> { ["HAL_AGENT_METRICS_PORT"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        var doc = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "docs", "OPERATIONS.md"));
        var commands = ShellCommands(Section(doc, "## Health, readiness and metrics")).Concat(ShellCommands(Section(doc, "### Following a command"))).ToList();
        Assert.Equal(6, commands.Count);
        using var agentMetrics = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}/") };
        await HalCluster.WaitUntilAsync(async () =>
        {
            try
            {
                using var response = await agentMetrics.GetAsync("metrics");
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "the agent's metrics port");

        foreach (var written in commands)
        {
            var command = written.Replace("http://127.0.0.1:8421", cluster.SupervisorUrl, StringComparison.Ordinal)
                .Replace("127.0.0.1:9464", $"127.0.0.1:{metricsPort}", StringComparison.Ordinal)
                .Replace("/projects/webapp/", $"/projects/{HalCluster.ProjectName}/", StringComparison.Ordinal);
            await File.WriteAllTextAsync(cluster.Dir.Combine("supervisor.log"), cluster.Supervisor!.Output);
            await File.WriteAllTextAsync(cluster.Dir.Combine("agent.log"), cluster.Agent!.Output);
            var (exit, output) = await BashAsync(command, cluster.Dir.Path);
            Assert.True(exit == 0, $"{command}\n→ exit {exit}: {output}");
            if (command.StartsWith("grep", StringComparison.Ordinal))
            {
                Assert.Contains("\"Category\":\"HalOSwarm.Supervisor.", output, StringComparison.Ordinal);
                Assert.Contains("\"Category\":\"HalOSwarm.Agent.", output, StringComparison.Ordinal);
            }
        }
    }

    private static string Section(string doc, string heading)
    {
        var start = doc.IndexOf("\n" + heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, heading);
        var end = doc.IndexOf("\n## ", start + heading.Length + 1, StringComparison.Ordinal);
        return end < 0 ? doc[start..] : doc[start..end];
    }

    /// <summary>The lines of the section's <c>```sh</c> blocks, a line ending in a backslash joined with the next.</summary>
    private static IEnumerable<string> ShellCommands(string section)
    {
        var inBlock = false;
        var pending = "";
        foreach (var line in section.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock && line == "```sh";
                continue;
            }
            if (!inBlock || line.Length == 0)
            {
                continue;
            }
            if (line.EndsWith('\\'))
            {
                pending += line[..^1];
                continue;
            }
            yield return (pending + line).Trim();
            pending = "";
        }
    }

    private static async Task<(int Exit, string Output)> BashAsync(string command, string directory)
    {
        var info = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        info.Environment["HAL_TOKEN"] = HalCluster.Token;
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
