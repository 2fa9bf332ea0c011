namespace HalOSwarm.Integration.Tests.Harness;

/// <summary>How a test wants its supervisor + agent pair.</summary>
internal sealed record ClusterOptions
{
    public int HeartbeatIntervalSec { get; init; } = 30;
    public int HeartbeatTimeoutCount { get; init; } = 3;

    /// <summary>Route the agent's socket through a <see cref="Testing.Network.TcpChaosProxy"/>.</summary>
    public bool ThroughProxy { get; init; }

    /// <summary>Start an agent (with opencode) right away.</summary>
    public bool WithAgent { get; init; } = true;

    /// <summary>opencode's <c>permission</c> config as JSON, or null for its defaults.</summary>
    public string? OpenCodePermissionJson { get; init; }

    /// <summary>Extra keys of the supervisor's <c>server</c> section (e.g. <c>sse_buffer_bytes</c>).</summary>
    public IReadOnlyDictionary<string, long> ServerSettings { get; init; } = new Dictionary<string, long>();

    /// <summary>More projects for the agent, each a JSON object (<c>{"name":"cc","directory":"/abs","runtime":"claude-code"}</c>); directories are created.</summary>
    public IReadOnlyList<string> ExtraProjectsJson { get; init; } = [];

    /// <summary>The agent's <c>runtimes</c> section as JSON text, or null for none.</summary>
    public string? AgentRuntimesJson { get; init; }

    /// <summary>More environment for the agent process (the runtimes it starts inherit it).</summary>
    public IReadOnlyDictionary<string, string> AgentEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// TLS on both supervisor ports with a self-signed certificate made for the test: the agent dials wss:// pinned to it,
    /// the test's API client and halctl (<c>--ca-file</c>) use https.
    /// </summary>
    public bool Tls { get; init; }

    /// <summary>Extra top-level sections of the agent's config: name → JSON text (e.g. <c>tool_auth</c>).</summary>
    public IReadOnlyDictionary<string, string> AgentSections { get; init; } = new Dictionary<string, string>();

    /// <summary>opencode's key for the fake provider (<c>options.apiKey</c>); null leaves it out, so opencode reads its auth.json.</summary>
    public string? OpenCodeApiKey { get; init; } = "k";

    /// <summary>Extra top-level sections of the supervisor's config: name → JSON text (e.g. <c>approvals</c>).</summary>
    public IReadOnlyDictionary<string, string> SupervisorSections { get; init; } = new Dictionary<string, string>();
}
