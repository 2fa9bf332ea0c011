using System.ComponentModel;
using System.Diagnostics;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes.Detached;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Runtimes.OpenCode;

/// <summary>
/// Makes sure an <c>opencode serve</c> answers on the configured port: attaches to one that already does,
/// otherwise starts one. The server is started in its own session (setsid) with its output in
/// state_dir/opencode.log and no pipes to the agent, so it outlives the agent — a crash, a SIGKILL and a
/// graceful stop alike — and the next agent attaches to it and reconciles. It inherits the agent's
/// environment (plus OPENCODE_SERVER_PASSWORD when opencode_password is set).
/// </summary>
internal sealed partial class OpenCodeProcessManager
{
    private const string Launcher = """
        log="$1"; shift
        exec >>"$log" 2>&1 </dev/null
        if command -v setsid >/dev/null 2>&1; then exec setsid "$@"; else exec "$@"; fi
        """;

    private readonly AgentOptions _options;
    private readonly OpenCodeClient _client;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<OpenCodeProcessManager> _logger;

    public OpenCodeProcessManager(IOptions<AgentOptions> options, OpenCodeClient client, TimeProvider timeProvider,
        ILogger<OpenCodeProcessManager> logger)
    {
        _options = options.Value;
        _client = client;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    private OpenCodeOptions OpenCode => _options.Runtimes.OpenCode;

    public string LogPath => Path.Combine(_options.StateDir, "opencode.log");

    public string PidPath => PidPathIn(_options.StateDir);

    /// <summary>Where the agent keeps the pid (and start time) of the server it started: <c>STATE_DIR/opencode.pid</c>.</summary>
    public static string PidPathIn(string stateDir) => Path.Combine(stateDir, "opencode.pid");

    /// <summary>Returns once the server answers; starts it when nothing does.</summary>
    public async Task EnsureRunningAsync(CancellationToken cancellationToken)
    {
        if (await _client.IsHealthyAsync(cancellationToken))
        {
            Log.Attached(_logger, OpenCode.BaseUrl);
            return;
        }
        if (DetachedProcess.FromPidFile(PidPath, _options.StateDir, _timeProvider) is { IsAlive: true } earlier)
        {
            // The server an earlier agent started still runs but did not answer in time (a busy machine): wait for
            // it instead of starting a second one, which could only fail on the taken port.
            Log.WaitingForEarlier(_logger, earlier.Pid, OpenCode.BaseUrl);
            await WaitHealthyAsync(() => !earlier.IsAlive, cancellationToken);
            Log.Attached(_logger, OpenCode.BaseUrl);
            return;
        }
        using var process = Start();
        Log.Started(_logger, process.Id, OpenCode.BaseUrl, LogPath);
        DetachedProcess.WritePidFile(PidPath, process.Id);
        await WaitHealthyAsync(() => process.HasExited, cancellationToken);
        Log.Ready(_logger, OpenCode.BaseUrl);
    }

    /// <summary>Polls the server's health until it answers; fails when <paramref name="ended"/> says it is gone or startup_timeout_sec passes.</summary>
    private async Task WaitHealthyAsync(Func<bool> ended, CancellationToken cancellationToken)
    {
        var deadline = _timeProvider.GetUtcNow().AddSeconds(OpenCode.StartupTimeoutSec);
        while (!await _client.IsHealthyAsync(cancellationToken))
        {
            if (ended())
            {
                throw new InvalidOperationException($"opencode serve ended before it answered on {OpenCode.BaseUrl}; see {LogPath}");
            }
            if (_timeProvider.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"opencode serve did not answer on {OpenCode.BaseUrl} within {OpenCode.StartupTimeoutSec} s; see {LogPath}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), _timeProvider, cancellationToken);
        }
    }

    private Process Start()
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = _options.Projects.FirstOrDefault()?.Directory is { } dir && Directory.Exists(dir) ? dir : _options.StateDir,
        };
        foreach (var arg in new[] { "-c", Launcher, "hal-opencode", LogPath, OpenCode.Binary, "serve",
            "--port", OpenCode.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--hostname", OpenCode.Hostname })
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var arg in OpenCode.Args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (key, value) in OpenCode.Env)
        {
            start.Environment[key] = value;
        }
        if (!string.IsNullOrEmpty(OpenCode.Password))
        {
            start.Environment["OPENCODE_SERVER_PASSWORD"] = OpenCode.Password;
        }
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("opencode serve did not start");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"cannot start '{OpenCode.Binary}': {ex.Message}", ex);
        }
    }
}
