using System.Globalization;
using HalOSwarm.Testing.Processes;
using HalOSwarm.Testing.Tools;

namespace HalOSwarm.Testing.OpenCode;

/// <summary>
/// The real opencode program (<see cref="NpmTool.OpenCode"/>) and the environment that points it at the fake LLM.
/// </summary>
public static class OpenCodeTool
{
    public const string Package = "opencode-ai";
    public const string Version = "1.18.33";

    public static string ToolsDirectory => NpmTool.ToolsDirectory;

    public static string BinaryPath => NpmTool.OpenCode.BinaryPath;

    /// <summary>Returns the path of the opencode binary, installing it with npm first when it is missing.</summary>
    public static Task<string> EnsureInstalledAsync(CancellationToken cancellationToken = default) =>
        NpmTool.OpenCode.EnsureInstalledAsync(cancellationToken);

    /// <summary>
    /// Stops every opencode a test ran with its own <paramref name="home"/>: the server on <paramref name="serverPort"/>
    /// and anything else started with that HOME (a status probe an agent left running), waiting up to 5 s for each to be
    /// gone, so that none writes into the folder the test deletes next.
    /// </summary>
    public static async Task StopAllAsync(string home, int serverPort)
    {
        await ProcessTools.KillByCommandLineAsync(TimeSpan.FromSeconds(5), "serve", "--port", serverPort.ToString(CultureInfo.InvariantCulture));
        await ProcessTools.KillByEnvironmentAsync("HOME", home, TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// The environment that points opencode at the fake LLM server and keeps it off the network and out
    /// of the machine's own config: its own HOME and XDG folders under <paramref name="home"/>.
    /// <paramref name="apiKey"/> is the provider's <c>options.apiKey</c>; null leaves it out, so opencode takes the key from
    /// its auth.json (<c>{"fake":{"type":"api","key":…}}</c>).
    /// </summary>
    public static Dictionary<string, string?> ProcessEnvironment(string fakeLlmV1Url, string home, string? permissionJson = null, string? apiKey = "k")
    {
        var config =
            "{\"provider\":{\"fake\":{\"npm\":\"@ai-sdk/openai-compatible\",\"options\":{\"baseURL\":\"" + fakeLlmV1Url +
            "\"" + (apiKey is null ? "" : ",\"apiKey\":\"" + apiKey + "\"") + "},\"models\":{\"fake-model\":{\"cost\":{\"input\":3,\"output\":15,\"cache_read\":0.3}," +
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
