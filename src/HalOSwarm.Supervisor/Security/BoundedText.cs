using System.Diagnostics.CodeAnalysis;

namespace HalOSwarm.Supervisor.Security;

/// <summary>Cuts text an agent or a caller sent to a stored or shown bound (the limits in docs/API.md and PROTOCOL.md).</summary>
internal static class BoundedText
{
    /// <summary><paramref name="text"/> when it has at most <paramref name="max"/> characters, else its first <paramref name="max"/> and <paramref name="mark"/>.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Cut(string? text, int max, string mark = "") =>
        text is null || text.Length <= max ? text : text[..max] + mark;
}
