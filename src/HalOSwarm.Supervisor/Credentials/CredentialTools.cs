using System.Text.RegularExpressions;

namespace HalOSwarm.Supervisor.Credentials;

/// <summary>The tools credentials can be pushed for, the two kinds, and the documented limits of a push (docs/API.md).</summary>
internal static partial class CredentialTools
{
    public const string OpenCode = "opencode";
    public const string ClaudeCode = "claude-code";
    public const string Codex = "codex";
    public const string FileKind = "file";
    public const string EnvKind = "env";

    /// <summary>An auth file's content: at most this many bytes of UTF-8.</summary>
    public const int MaxContentBytes = 64 * 1024;
    /// <summary>At most this many NAME=VALUE pairs.</summary>
    public const int MaxEnvPairs = 32;
    public const int MaxEnvNameChars = 128;
    public const int MaxEnvValueChars = 8192;

    public static readonly IReadOnlyList<string> All = [OpenCode, ClaudeCode, Codex];

    public static bool IsTool(string? tool) => tool is OpenCode or ClaudeCode or Codex;

    /// <summary>An environment variable name: a letter or '_' first, then letters, digits and '_'.</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    public static partial Regex EnvName();

    /// <summary>Text without control characters other than tab, CR and LF (an auth file); nothing about the text is echoed back.</summary>
    public static bool IsText(string text, bool allowNewlines)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(allowNewlines && c is '\n' or '\r' or '\t'))
            {
                return false;
            }
        }
        return true;
    }
}
