using System.Text.Json;
using HalOSwarm.Agent.Configuration;
using HalOSwarm.Agent.Runtimes.OpenCode;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Runtimes.Codex;

/// <summary>
/// Token counts as Codex reports them (<c>thread/tokenUsage/updated</c>): input includes the cached input,
/// output includes reasoning. Codex's totals are cumulative per thread, so a turn's usage is the
/// difference of two totals.
/// </summary>
internal sealed record CodexTokens(long Input, long CachedInput, long Output, long ReasoningOutput)
{
    public static readonly CodexTokens Zero = new(0, 0, 0, 0);

    public static CodexTokens From(JsonElement? breakdown) => new(
        breakdown.Get("inputTokens").Long() ?? 0,
        breakdown.Get("cachedInputTokens").Long() ?? 0,
        breakdown.Get("outputTokens").Long() ?? 0,
        breakdown.Get("reasoningOutputTokens").Long() ?? 0);

    /// <summary>This total minus an earlier one; a total that went down (a thread Codex restarted counting) counts whole.</summary>
    public CodexTokens Since(CodexTokens earlier)
    {
        var diff = new CodexTokens(Input - earlier.Input, CachedInput - earlier.CachedInput, Output - earlier.Output, ReasoningOutput - earlier.ReasoningOutput);
        return diff.Input < 0 || diff.CachedInput < 0 || diff.Output < 0 || diff.ReasoningOutput < 0 ? this : diff;
    }

    public bool IsZero => Input == 0 && CachedInput == 0 && Output == 0 && ReasoningOutput == 0;

    /// <summary>In the protocol's shape: input without the cached part, output without reasoning.</summary>
    public TokenCounts ToCounts() => new(Input - CachedInput, Output - ReasoningOutput, ReasoningOutput, CachedInput, 0);

    /// <summary>Dollars by <paramref name="rate"/> (per million): uncached input, cached input (input rate when unset), output with reasoning.</summary>
    public decimal Cost(CodexRateOptions? rate) => rate is null
        ? 0m
        : ((Input - CachedInput) * rate.Input + CachedInput * (rate.CachedInput ?? rate.Input) + Output * rate.Output) / 1_000_000m;
}
