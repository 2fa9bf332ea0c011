using System.Diagnostics;

namespace HalOSwarm.Testing.Tools;

/// <summary>
/// A real agent program from npm at a pinned version, installed once into the repository's <c>.tools/</c>
/// folder (or <c>HAL_TOOLS_DIR</c>; <c>./dev test</c> installs all of them up front) and reused by every later run.
/// </summary>
public sealed class NpmTool(string package, string version, string binary)
{
    public static readonly NpmTool OpenCode = new("opencode-ai", "1.18.33", "opencode");
    public static readonly NpmTool ClaudeCode = new("@anthropic-ai/claude-code", "2.1.197", "claude");
    public static readonly NpmTool Codex = new("@openai/codex", "0.169.0", "codex");

    // npm must not run twice at once in one prefix.
    private static readonly SemaphoreSlim s_installGate = new(1, 1);

    public string Package { get; } = package;
    public string Version { get; } = version;

    public static string ToolsDirectory =>
        Environment.GetEnvironmentVariable("HAL_TOOLS_DIR") is { Length: > 0 } dir ? dir : Path.Combine(RepoPaths.Root, ".tools");

    public string BinaryPath => Path.Combine(ToolsDirectory, "node_modules", ".bin", binary);

    /// <summary>Returns the path of the binary, installing the package with npm first when it is missing.</summary>
    public async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
    {
        if (File.Exists(BinaryPath))
        {
            return BinaryPath;
        }
        await s_installGate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(BinaryPath))
            {
                return BinaryPath;
            }
            Directory.CreateDirectory(ToolsDirectory);
            var info = new ProcessStartInfo("npm")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "install", "--no-audit", "--no-fund", "--prefix", ToolsDirectory, $"{Package}@{Version}" })
            {
                info.ArgumentList.Add(arg);
            }
            using var npm = Process.Start(info)!;
            var stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
            await npm.StandardOutput.ReadToEndAsync(cancellationToken);
            await npm.WaitForExitAsync(cancellationToken);
            if (npm.ExitCode != 0 || !File.Exists(BinaryPath))
            {
                throw new InvalidOperationException($"npm install {Package}@{Version} failed ({npm.ExitCode}): {await stderr}");
            }
            return BinaryPath;
        }
        finally
        {
            s_installGate.Release();
        }
    }
}
