using HalOSwarm.Agent.Configuration;
using HalOSwarm.Protocol;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HalOSwarm.Agent.Runtimes;

/// <summary>
/// The runtimes of this node and whether each can run sessions. At start it probes every runtime a
/// project uses (in parallel, before the agent dials the supervisor); one that is missing or broken makes
/// only its own projects unavailable, with the reason, and the agent goes on with the others.
/// </summary>
internal sealed partial class RuntimeCatalog : IHostedService
{
    private readonly AgentOptions _options;
    private readonly Dictionary<string, IRuntimeAdapter> _adapters;
    private readonly ILogger<RuntimeCatalog> _logger;
    private readonly Dictionary<string, RuntimeInfo> _found = new(StringComparer.Ordinal);

    public RuntimeCatalog(IOptions<AgentOptions> options, IEnumerable<IRuntimeAdapter> adapters, ILogger<RuntimeCatalog> logger)
    {
        _options = options.Value;
        _adapters = adapters.GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _logger = logger;
    }

    /// <summary>What the probes found, one entry per runtime in use.</summary>
    public IReadOnlyList<RuntimeInfo> Runtimes
    {
        get
        {
            lock (_found)
            {
                return [.. _found.Values.OrderBy(r => r.Name, StringComparer.Ordinal)];
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var probes = _options.RuntimesInUse.Select(name => ProbeAsync(name, cancellationToken));
        foreach (var found in await Task.WhenAll(probes))
        {
            var info = Clean(found);
            lock (_found)
            {
                _found[info.Name] = info;
            }
            if (info.Available)
            {
                Log.Available(_logger, info.Name, info.Version ?? "unknown");
            }
            else
            {
                Log.Unavailable(_logger, info.Name, info.Reason ?? "unknown");
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One line each, within the protocol's limits (a reason may quote a program's multi-line output).</summary>
    private static RuntimeInfo Clean(RuntimeInfo info) => info with
    {
        Version = OneLine(info.Version, 64),
        Reason = OneLine(info.Reason, ProtocolLimits.MaxReasonLength),
    };

    private static string? OneLine(string? text, int max)
    {
        if (text is null)
        {
            return null;
        }
        var line = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]).Trim();
        return line.Length <= max ? line : line[..(max - 1)] + "…";
    }

    private async Task<RuntimeInfo> ProbeAsync(string name, CancellationToken cancellationToken)
    {
        if (!_adapters.TryGetValue(name, out var adapter))
        {
            return new RuntimeInfo(name, false, null, $"this agent has no '{name}' runtime");
        }
        try
        {
            return await adapter.ProbeAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new RuntimeInfo(name, false, null, ex.Message);
        }
    }

    /// <summary>The runtime's probe result; null until probed (or when no project uses it).</summary>
    public RuntimeInfo? Find(string name)
    {
        lock (_found)
        {
            return _found.GetValueOrDefault(name);
        }
    }

    /// <summary>The adapter for <paramref name="name"/>, or runtime_unavailable with the probe's reason.</summary>
    public IRuntimeAdapter Get(string name)
    {
        if (!_adapters.TryGetValue(name, out var adapter))
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeUnavailable, $"runtime '{name}' is not available on this node");
        }
        if (Find(name) is { Available: false } info)
        {
            throw new RuntimeCommandException(CommandErrorCodes.RuntimeUnavailable, $"runtime '{name}' is unavailable: {info.Reason}");
        }
        return adapter;
    }

    /// <summary>True when the runtime was probed and found able to run sessions.</summary>
    public bool IsAvailable(string name) => Find(name) is { Available: true };

    /// <summary>The project as hello reports it: its runtime and whether that runtime can run it.</summary>
    public ProjectInfo Describe(ProjectOptions project) => Find(project.Runtime) switch
    {
        { Available: true } => new ProjectInfo(project.Name, project.Directory, project.Runtime, "ready"),
        { } info => new ProjectInfo(project.Name, project.Directory, project.Runtime, "unavailable", info.Reason),
        null => new ProjectInfo(project.Name, project.Directory, project.Runtime, "unknown"),
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 60, EventName = "runtime.available", Level = LogLevel.Information, Message = "Runtime {runtime} available, version {version}")]
        public static partial void Available(ILogger logger, string runtime, string version);

        [LoggerMessage(EventId = 61, EventName = "runtime.unavailable", Level = LogLevel.Warning, Message = "Runtime {runtime} unavailable: {reason}; its projects cannot start sessions")]
        public static partial void Unavailable(ILogger logger, string runtime, string reason);
    }
}
