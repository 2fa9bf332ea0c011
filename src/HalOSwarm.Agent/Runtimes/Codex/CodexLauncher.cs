using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes.Detached;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes.Codex;

/// <summary>
/// Starts <c>codex app-server</c> as a <see cref="DetachedProcess"/> with the agent's CODEX_HOME and says
/// hello (<c>initialize</c>, <c>initialized</c>). A new thread is started before anything follows the output,
/// so this reads the answers itself and reports where the output stood after the thread/start answer.
/// </summary>
internal sealed class CodexLauncher(AgentOptions options, CodexHome home)
{
    private CodexOptions Codex => options.Runtimes.Codex;

    public TimeSpan StartupTimeout => TimeSpan.FromSeconds(Codex.StartupTimeoutSec);

    public async Task<DetachedProcess> LaunchAsync(string folder, ProjectOptions project, string directory, CancellationToken cancellationToken)
    {
        home.WriteConfig([directory]);
        var env = new Dictionary<string, string>(project.EnvFor(Codex), StringComparer.Ordinal) { ["CODEX_HOME"] = home.Path };
        DetachedProcess process;
        try
        {
            process = DetachedProcess.Start(folder, Codex.Binary, ["app-server", .. project.ArgsFor(Codex)], directory, env);
        }
        catch (InvalidOperationException ex)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeUnavailable, ex.Message, ex);
        }
        try
        {
            await process.WaitForInputAsync(StartupTimeout, cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeUnavailable, $"codex app-server did not start: {ex.Message}", ex);
        }
        return process;
    }

    public static JsonObject InitializeParams() =>
        new() { ["clientInfo"] = new JsonObject { ["name"] = "hal-agent", ["title"] = "HAL-O-SWARM agent", ["version"] = "1.0" } };

    public JsonObject ThreadParams(string directory, string? model)
    {
        var parameters = new JsonObject { ["cwd"] = directory, ["approvalPolicy"] = Codex.ApprovalPolicy, ["sandbox"] = Codex.SandboxMode };
        if (!string.IsNullOrWhiteSpace(model))
        {
            parameters["model"] = model;
        }
        if (Codex.Provider is { } provider)
        {
            parameters["modelProvider"] = provider.Name;
        }
        return parameters;
    }

    /// <summary>Starts a process in <paramref name="folder"/> and a thread in it; returns the thread and the output offset after its answer.</summary>
    public async Task<(DetachedProcess Process, JsonElement Thread, long Offset)> StartThreadAsync(string folder, ProjectOptions project, string directory,
        string? model, CancellationToken cancellationToken)
    {
        var process = await LaunchAsync(folder, project, directory, cancellationToken);
        var rpc = new CodexRpc { Process = process };
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var answeredAt = new System.Collections.Concurrent.ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var reader = Task.Run(async () =>
        {
            await foreach (var (line, next) in process.ReadLinesAsync(0, reading.Token))
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement.Clone();
                if (root.Get("method") is not null)
                {
                    continue;
                }
                if (root.Str("id") is { } id)
                {
                    answeredAt[id] = next;
                }
                rpc.Complete(root);
            }
            rpc.FailAll("codex app-server exited while starting");
        }, CancellationToken.None);
        try
        {
            await rpc.CallAsync("initialize", InitializeParams(), StartupTimeout, cancellationToken);
            rpc.Notify("initialized");
            var id = rpc.Send("thread/start", ThreadParams(directory, model));
            var result = await rpc.WaitAsync(id, "thread/start", StartupTimeout, cancellationToken);
            var offset = answeredAt[id];
            var thread = result.Get("thread") ?? throw new RuntimeCommandException(CommandErrorCodes.RuntimeError, "codex thread/start answered without a thread");
            return (process, thread, offset);
        }
        catch
        {
            await process.StopAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
            throw;
        }
        finally
        {
            await reading.CancelAsync();
            try
            {
                await reader;
            }
            catch (Exception ex) when (ex is OperationCanceledException or JsonException)
            {
            }
        }
    }
}
