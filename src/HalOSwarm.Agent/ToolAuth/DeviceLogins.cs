using System.Collections.Concurrent;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Connection;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.ToolAuth;

/// <summary>
/// Remote logins (<c>auth_login</c>). Codex: runs its own device flow (<c>codex login --device-auth</c>, with
/// <c>--experimental_issuer</c> when <c>tool_auth.codex_issuer</c> is set), relays the URL and code as
/// <c>auth.login.pending</c> as soon as it prints them, then follows the program to its end in the background:
/// <c>auth.login.succeeded</c> (and a fresh <c>auth.status</c>) or <c>auth.login.failed</c>; stopped after
/// <c>tool_auth.login_timeout_sec</c>. Claude Code and opencode: <c>auth.login.failed</c> with status
/// <c>manual_required</c> and the steps. One login per tool at a time; the logins end with the agent.
/// </summary>
internal sealed partial class DeviceLogins(
    ToolPrograms programs, ToolAuthChecker checker, ToolAuthReporter reporter, IEventRecorder recorder, NodeIdentity node,
    IOptions<AgentOptions> options, TimeProvider timeProvider, ILogger<DeviceLogins> logger) : IAsyncDisposable
{
    public static readonly TimeSpan PromptTimeout = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, (string LoginId, Task Follow)> _running = new(StringComparer.Ordinal);

    public async Task<AuthLoginData> StartAsync(string loginId, string tool, CancellationToken cancellationToken)
    {
        if (!ToolPrograms.Tools.Contains(tool))
        {
            throw new RuntimeCommandException(CommandErrorCodes.InvalidArgs, $"tool must be one of {string.Join(", ", ToolPrograms.Tools)}");
        }
        if (!programs.InUse.Contains(tool))
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeUnavailable, $"this node does not run {tool} (no project of it, runtimes.{tool} not enabled)");
        }
        var program = programs.For(tool);
        if (tool != RuntimeNames.Codex)
        {
            var guidance = ManualLogin.For(tool, program.Binary, node.NodeId);
            return await RecordAsync(EventTypes.AuthLoginFailed,
                new AuthLoginData(loginId, tool, AuthLoginStates.ManualRequired, Reason: guidance.Reason, ManualGuidance: guidance), cancellationToken);
        }
        if (_running.TryGetValue(tool, out var running) && !running.Follow.IsCompleted)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeError, $"a login of {tool} is already waiting for its code (login {running.LoginId})");
        }
        Directory.CreateDirectory(program.Environment["CODEX_HOME"]);
        DeviceLoginProcess process;
        try
        {
            process = DeviceLoginProcess.Start(program, Args());
        }
        catch (InvalidOperationException ex)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeUnavailable, ex.Message, ex);
        }
        (string Url, string Code)? prompt;
        try
        {
            prompt = await WaitForPromptAsync(process, cancellationToken);
        }
        catch
        {
            process.Dispose(); // the command's deadline passed: no login left behind
            throw;
        }
        if (prompt is not { } found)
        {
            process.Dispose();
            return await RecordAsync(EventTypes.AuthLoginFailed, new AuthLoginData(loginId, tool, AuthLoginStates.Failed,
                Reason: FailureReason(process.Lines, "printed no verification URL and code")), cancellationToken);
        }
        var expires = timeProvider.GetUtcNow().AddSeconds(options.Value.ToolAuth.LoginTimeoutSec);
        var pending = new AuthLoginData(loginId, tool, AuthLoginStates.Pending, found.Url, found.Code, expires);
        await RecordAsync(EventTypes.AuthLoginPending, pending, cancellationToken);
        Log.Pending(logger, loginId, tool);
        _running[tool] = (loginId, Task.Run(() => FollowAsync(process, pending), CancellationToken.None));
        return pending;
    }

    private List<string> Args()
    {
        List<string> args = ["login", "--device-auth"];
        if (options.Value.ToolAuth.CodexIssuer is { Length: > 0 } issuer)
        {
            args.AddRange(["--experimental_issuer", issuer]);
        }
        return args;
    }

    private async Task<(string Url, string Code)?> WaitForPromptAsync(DeviceLoginProcess process, CancellationToken cancellationToken)
    {
        var until = timeProvider.GetUtcNow() + PromptTimeout;
        while (true)
        {
            if (DeviceCodePrompt.Find(process.Lines) is { } found)
            {
                return found;
            }
            var left = until - timeProvider.GetUtcNow();
            if (left <= TimeSpan.Zero || process.HasExited)
            {
                return DeviceCodePrompt.Find(process.Lines);
            }
            try
            {
                await process.ChangedAsync(left, timeProvider, cancellationToken);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    private async Task FollowAsync(DeviceLoginProcess process, AuthLoginData pending)
    {
        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.ToolAuth.LoginTimeoutSec));
            AuthLoginData outcome;
            try
            {
                var exitCode = await process.WaitForExitAsync(timeout.Token);
                outcome = exitCode == 0
                    ? pending with { Status = AuthLoginStates.Succeeded, Reason = "Logged in" }
                    : pending with { Status = AuthLoginStates.Failed, Reason = FailureReason(process.Lines, $"exited with code {exitCode}") };
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                outcome = pending with
                {
                    Status = AuthLoginStates.Failed,
                    Reason = _stopping.IsCancellationRequested ? "the agent stopped before the code was entered" : "the code was not entered in time",
                };
            }
            try
            {
                await RecordAsync(outcome.Status == AuthLoginStates.Succeeded ? EventTypes.AuthLoginSucceeded : EventTypes.AuthLoginFailed,
                    outcome with { VerificationUrl = null, UserCode = null }, _stopping.Token);
                Log.Finished(logger, pending.LoginId, pending.Tool, outcome.Status);
                await reporter.ReportAsync([await checker.CheckAsync(pending.Tool, ToolAuthChecker.Timeout, _stopping.Token)], onlyChanged: false, _stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Log.ReportFailed(logger, pending.LoginId, ex.Message);
            }
        }
    }

    private async Task<AuthLoginData> RecordAsync(string type, AuthLoginData data, CancellationToken cancellationToken)
    {
        await recorder.RecordAsync([EventData.Create(type, null, data, ProtocolJsonContext.Default.AuthLoginData)], cancellationToken);
        return data;
    }

    /// <summary>The program's last line that says something (its error), else <paramref name="fallback"/>.</summary>
    private static string FailureReason(IReadOnlyList<string> lines, string fallback)
    {
        var last = ToolOutput.Lines(string.Join('\n', lines)).LastOrDefault(l => !l.StartsWith("WARNING", StringComparison.Ordinal));
        return ToolOutput.Clean($"codex login {fallback}" + (last is null ? "" : $": {last}"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await Task.WhenAll(_running.Values.Select(r => r.Follow)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }
}
