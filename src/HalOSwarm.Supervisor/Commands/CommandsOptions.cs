using Microsoft.Extensions.Configuration;

namespace HalOSwarm.Supervisor.Commands;

/// <summary>The <c>commands</c> section: delivery of commands to agents (offline wait, retries, rate, handover).</summary>
internal sealed class CommandsOptions
{
    public const string SectionName = "commands";

    /// <summary>How long a command for an offline node waits for the node to come back before it fails.</summary>
    [ConfigurationKeyName("offline_wait_sec")]
    public int OfflineWaitSec { get; set; } = 60;

    /// <summary>Sends of one command, first one included, when it fails transiently (disconnect, runtime_unavailable).</summary>
    [ConfigurationKeyName("max_attempts")]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Pause before the first retry; doubled for every further one.</summary>
    [ConfigurationKeyName("retry_backoff_ms")]
    public int RetryBackoffMs { get; set; } = 1000;

    /// <summary>Commands sent to one node per second at most; the rest wait their turn, in order.</summary>
    [ConfigurationKeyName("rate_per_node_per_sec")]
    public int RatePerNodePerSec { get; set; } = 10;

    /// <summary>How long <c>restart</c> waits for the session to go idle after the handover prompt before it kills it anyway.</summary>
    [ConfigurationKeyName("handover_idle_timeout_sec")]
    public int HandoverIdleTimeoutSec { get; set; } = 60;

    /// <summary>
    /// Largest prompt text (start, prompt, inject) in UTF-8 bytes. It is stored with the command and in the audit log and
    /// sent to the agent, which echoes it back as an event: keep it well under <c>server.max_frame_bytes</c>.
    /// </summary>
    [ConfigurationKeyName("max_prompt_bytes")]
    public int MaxPromptBytes { get; set; } = 256 * 1024;

    public TimeSpan OfflineWait => TimeSpan.FromSeconds(OfflineWaitSec);

    public TimeSpan HandoverIdleTimeout => TimeSpan.FromSeconds(HandoverIdleTimeoutSec);
}
