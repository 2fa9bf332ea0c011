using System.Text.Json;
using HalOSwarm.Agent.Runtimes;
using HalOSwarm.Protocol;

namespace HalOSwarm.Agent.Credentials;

/// <summary>
/// A <c>credentials_push</c> command's wire args: <c>{tool, version, kind, content}</c> (kind file) or
/// <c>{tool, version, kind, env}</c> (kind env). Problems are reported by field name, never with a value.
/// </summary>
internal sealed record PushedCredential(string Tool, int Version, string Kind, string? Content, IReadOnlyDictionary<string, string>? Env)
{
    public const string FileKind = "file";
    public const string EnvKind = "env";

    public static PushedCredential Parse(JsonElement args)
    {
        if (args.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("args must be an object {tool, version, kind, content | env}");
        }
        var tool = String(args, "tool");
        if (tool is not (RuntimeNames.OpenCode or RuntimeNames.ClaudeCode or RuntimeNames.Codex))
        {
            throw Invalid($"args.tool must be {RuntimeNames.OpenCode}, {RuntimeNames.ClaudeCode} or {RuntimeNames.Codex}");
        }
        if (!args.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var version) || version < 1)
        {
            throw Invalid("args.version must be a whole number of at least 1");
        }
        switch (String(args, "kind"))
        {
            case FileKind when String(args, "content") is { Length: > 0 } content:
                return new PushedCredential(tool, version, FileKind, content, null);
            case EnvKind when args.TryGetProperty("env", out var env) && env.ValueKind == JsonValueKind.Object:
                var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var pair in env.EnumerateObject())
                {
                    if (pair.Value.ValueKind != JsonValueKind.String || pair.Name.Length == 0 || pair.Name.Contains('=', StringComparison.Ordinal))
                    {
                        throw Invalid("args.env must map variable names to strings");
                    }
                    pairs[pair.Name] = pair.Value.GetString()!;
                }
                return pairs.Count > 0 ? new PushedCredential(tool, version, EnvKind, null, pairs) : throw Invalid("args.env must not be empty");
            default:
                throw Invalid("args.kind must be file (with content) or env (with env); a supervisor adds them at delivery");
        }
    }

    private static string? String(JsonElement args, string name) =>
        args.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static RuntimeCommandException Invalid(string message) => new(CommandErrorCodes.InvalidArgs, message);
}
