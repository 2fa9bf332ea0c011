namespace HalOSwarm.Supervisor.Configuration;

/// <summary>
/// Recognises a secret or id copied from an example config instead of a real one (the seed README writes
/// <c>your-discord-bot-token</c>, <c>your-anthropic-admin-api-key</c>): such a value is accepted and its feature reported
/// as not configured, never sent anywhere.
/// </summary>
internal static class PlaceholderValues
{
    private static readonly string[] s_marks = ["your-", "your_", "placeholder", "changeme", "change-me", "example", "xxxx", "<", "${"];

    public static bool IsPlaceholder(string? value) =>
        !string.IsNullOrWhiteSpace(value) && s_marks.Any(mark => value.Contains(mark, StringComparison.OrdinalIgnoreCase));

    /// <summary>Neither empty nor a placeholder.</summary>
    public static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value) && !IsPlaceholder(value);
}
