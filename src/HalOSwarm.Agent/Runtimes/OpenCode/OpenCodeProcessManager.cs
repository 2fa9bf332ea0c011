using System.ComponentModel;
using System.Diagnostics;
using HalOSwarm.Agent.Configuration;
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

    public string LogPath => Path.Combine(_options.StateDir, "opencode.log");

    public string PidPath => Path.Combine(_options.StateDir, "opencode.pid");

    /// <summary>Returns once the server answers; starts it when nothing does.</summary>
    public async Task EnsureRunningAsync(CancellationToken cancellationToken)
    {
        if (await _client.IsHealthyAsync(cancellationToken))
        {
            Log.Attached(_logger, _options.OpenCodeBaseUrl);
            return;
        }
        using var process = Start();
        Log.Started(_logger, process.Id, _options.OpenCodeBaseUrl, LogPath);
        await File.WriteAllTextAsync(PidPath, process.Id + "\n", cancellationToken);
        var deadline = _timeProvider.GetUtcNow().AddSeconds(_options.OpenCodeStartupTimeoutSec);
        while (!await _client.IsHealthyAsync(cancellationToken))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"opencode serve exited with code {process.ExitCode}; see {LogPath}");
            }
            if (_timeProvider.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"opencode serve did not answer on {_options.OpenCodeBaseUrl} within {_options.OpenCodeStartupTimeoutSec} s; see {LogPath}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), _timeProvider, cancellationToken);
        }
        Log.Ready(_logger, _options.OpenCodeBaseUrl);
    }

    private Process Start()
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = _options.Projects.FirstOrDefault()?.Directory is { } dir && Directory.Exists(dir) ? dir : _options.StateDir,
        };
        foreach (var arg in new[] { "-c", Launcher, "hal-opencode", LogPath, _options.OpenCodeBinary, "serve",
            "--port", _options.OpenCodePort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--hostname", _options.OpenCodeHostname })
        {
            start.ArgumentList.Add(arg);
        }
        if (!string.IsNullOrEmpty(_options.OpenCodePassword))
        {
            start.Environment["OPENCODE_SERVER_PASSWORD"] = _options.OpenCodePassword;
        }
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("opencode serve did not start");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"cannot start '{_options.OpenCodeBinary}': {ex.Message}", ex);
        }
    }
}
