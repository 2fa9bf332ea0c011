using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using HalOSwarm.Agent.Runtimes.Detached;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes.Codex;

/// <summary>
/// JSON-RPC to one app-server through its stdin FIFO. Requests carry string ids unique across agent
/// restarts (the process, and its output file, outlive the agent), so a response read again after a
/// restart never completes a newer request. Whoever reads the output hands responses to <see cref="Complete"/>.
/// </summary>
internal sealed class CodexRpc
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _waiting = new(StringComparer.Ordinal);
    private readonly string _prefix = "hal-" + Guid.NewGuid().ToString("N")[..8] + "-";
    private long _next;

    public DetachedProcess? Process { get; set; }

    /// <summary>Sends a request; returns its id (the response is awaited with <see cref="WaitAsync"/>).</summary>
    public string Send(string method, JsonObject parameters)
    {
        var id = _prefix + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _waiting[id] = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return id;
    }

    public void Notify(string method) => Write(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method });

    /// <summary>Answers a request of the server (an approval) with <paramref name="result"/>.</summary>
    public void Answer(string requestIdJson, JsonObject result) =>
        Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(requestIdJson), ["result"] = result });

    public async Task<JsonElement> CallAsync(string method, JsonObject parameters, TimeSpan timeout, CancellationToken cancellationToken) =>
        await WaitAsync(Send(method, parameters), method, timeout, cancellationToken);

    public async Task<JsonElement> WaitAsync(string id, string method, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await _waiting[id].Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeError,
                $"codex app-server did not answer {method} within {timeout.TotalSeconds:0} s{StderrTail()}");
        }
        finally
        {
            _waiting.TryRemove(id, out _);
        }
    }

    /// <summary>A response line read from the output: completes the waiting request, if any is ours.</summary>
    public void Complete(JsonElement line)
    {
        if (line.Get("id").Str() is not { } id || !_waiting.TryGetValue(id, out var waiter))
        {
            return;
        }
        if (line.Get("error") is { } error)
        {
            waiter.TrySetException(new RuntimeCommandException(CommandErrorCodes.RuntimeError, $"codex: {error.Str("message") ?? error.GetRawText()}"));
        }
        else
        {
            waiter.TrySetResult(line.Get("result") ?? default);
        }
    }

    /// <summary>The process ended: nothing more will be answered.</summary>
    public void FailAll(string reason)
    {
        foreach (var waiter in _waiting.Values)
        {
            waiter.TrySetException(new RuntimeCommandException(CommandErrorCodes.RuntimeError, reason + StderrTail()));
        }
    }

    private void Write(JsonObject message)
    {
        var process = Process ?? throw new RuntimeCommandException(CommandErrorCodes.RuntimeUnavailable, "codex app-server is not running");
        try
        {
            process.WriteLine(message.ToJsonString());
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeUnavailable, $"codex app-server is not running: {ex.Message}{StderrTail()}");
        }
    }

    private string StderrTail() => Process?.ErrorTail(500) is { Length: > 0 } tail ? $" (stderr: {tail})" : "";
}
