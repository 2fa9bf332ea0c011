using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Protocol;
using HalOSwarm.Protocol.Events;

namespace HalOSwarm.Agent.ToolAuth;

/// <summary>
/// Asks each agent program in use whether it is logged in, with its own status command run as its sessions run
/// (<see cref="ToolPrograms"/>): <c>claude auth status</c>, <c>opencode auth list</c>, <c>codex login status</c>. The
/// programs are asked at the same time; each answer is read by its parser.
/// </summary>
internal sealed class ToolAuthChecker(ToolPrograms programs, TimeProvider timeProvider)
{
    /// <summary>How long a program may take to answer (opencode's can take seconds while its server starts on a busy machine).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Every tool in use; a program that does not answer within <paramref name="timeout"/> makes its tool <c>unknown</c>.</summary>
    public async Task<IReadOnlyList<AuthStatusData>> CheckAllAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        await Task.WhenAll(programs.InUse.Select(tool => CheckAsync(tool, timeout, cancellationToken)));

    public async Task<AuthStatusData> CheckAsync(string tool, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var program = programs.For(tool);
        if (program.Environment.TryGetValue("CODEX_HOME", out var codexHome))
        {
            Directory.CreateDirectory(codexHome);
        }
        var (args, parse) = Command(tool);
        var result = await RuntimeProbe.RunAsync(program.Binary, args, program.Environment, timeout, cancellationToken, binaryKey: program.BinaryKey);
        var verdict = result.Error is { } error
            ? new AuthVerdict(error.StartsWith("binary ", StringComparison.Ordinal) ? AuthStatuses.NotInstalled : AuthStatuses.Unknown, null, ToolOutput.Clean(error))
            : parse(result.ExitCode, result.Output);
        return new AuthStatusData(tool, verdict.Status, verdict.Method, verdict.Reason, timeProvider.GetUtcNow());
    }

    private static (string[] Args, Func<int, string, AuthVerdict> Parse) Command(string tool) => tool switch
    {
        RuntimeNames.ClaudeCode => (["auth", "status"], ClaudeAuthStatusParser.Parse),
        RuntimeNames.OpenCode => (["auth", "list"], OpenCodeAuthListParser.Parse),
        RuntimeNames.Codex => (["login", "status"], CodexLoginStatusParser.Parse),
        _ => throw new ArgumentOutOfRangeException(nameof(tool), tool, "no login to check"),
    };
}
