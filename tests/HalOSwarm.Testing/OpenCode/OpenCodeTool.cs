using System.Diagnostics;

namespace HalOSwarm.Testing.OpenCode;

/// <summary>
/// The real opencode program, installed from npm once into the repository's <c>.tools/</c> folder
/// (or <c>HAL_TOOLS_DIR</c>) and reused by every later run.
/// </summary>
public static class OpenCodeTool
{
    public const string Package = "opencode-ai";
    public const string Version = "1.18.33";

    private static readonly SemaphoreSlim s_installGate = new(1, 1);

    public static string ToolsDirectory =>
        Environment.GetEnvironmentVariable("HAL_TOOLS_DIR") is { Length: > 0 } dir ? dir : Path.Combine(RepoPaths.Root, ".tools");

    public static string BinaryPath => Path.Combine(ToolsDirectory, "node_modules", ".bin", "opencode");

    /// <summary>Returns the path of the opencode binary, installing it with npm first when it is missing.</summary>
    public static async Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default)
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

    /// <summary>
    /// The environment that points opencode at the fake LLM server and keeps it off the network and out
    /// of the machine's own config: its own HOME and XDG folders under <paramref name="home"/>.
    /// </summary>
    public static Dictionary<string, string?> ProcessEnvironment(string fakeLlmV1Url, string home, string? permissionJson = null)
    {
        var config =
            "{\"provider\":{\"fake\":{\"npm\":\"@ai-sdk/openai-compatible\",\"options\":{\"baseURL\":\"" + fakeLlmV1Url +
            "\",\"apiKey\":\"k\"},\"models\":{\"fake-model\":{\"cost\":{\"input\":3,\"output\":15,\"cache_read\":0.3}," +
            "\"limit\":{\"context\":128000,\"output\":8192},\"tool_call\":true}}}},\"model\":\"fake/fake-model\"," +
            "\"small_model\":\"fake/fake-model\"" + (permissionJson is null ? "" : ",\"permission\":" + permissionJson) + "}";
        return new Dictionary<string, string?>
        {
            ["HOME"] = home,
            ["XDG_CONFIG_HOME"] = Path.Combine(home, ".config"),
            ["XDG_DATA_HOME"] = Path.Combine(home, ".local", "share"),
            ["XDG_CACHE_HOME"] = Path.Combine(home, ".cache"),
            ["XDG_STATE_HOME"] = Path.Combine(home, ".local", "state"),
            ["OPENCODE_DISABLE_MODELS_FETCH"] = "1",
            ["OPENCODE_DISABLE_AUTOUPDATE"] = "1",
            ["OPENCODE_DISABLE_SHARE"] = "1",
            ["OPENCODE_DISABLE_LSP_DOWNLOAD"] = "1",
            ["OPENCODE_CONFIG_CONTENT"] = config,
        };
    }
}
