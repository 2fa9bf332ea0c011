namespace HalOSwarm.Supervisor.Cost.Providers;

/// <summary>
/// What a configured provider key is: absent, a placeholder copied from an example config (the seed README writes
/// <c>your-anthropic-admin-api-key</c>), or a key to poll with. Never prints the key.
/// </summary>
internal static class ProviderKeys
{
    public const int MaxLength = 512;

    public static bool IsEmpty(string? key) => string.IsNullOrWhiteSpace(key);

    /// <summary>True for a value that is obviously not a real key (it is never sent anywhere).</summary>
    public static bool IsPlaceholder(string? key) => Configuration.PlaceholderValues.IsPlaceholder(key);

    /// <summary>A key worth polling with.</summary>
    public static bool IsUsable(string? key) => !IsEmpty(key) && !IsPlaceholder(key);

    /// <summary>A key that fits in a request header: no spaces or control characters, at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsWellFormed(string? key) =>
        key is null || (key.Length <= MaxLength && key.All(c => c is > ' ' and < (char)0x7F));

    /// <summary><paramref name="text"/> with every occurrence of <paramref name="key"/> masked, for error text from elsewhere.</summary>
    public static string Scrub(string text, string key) =>
        key.Length < 4 ? text : text.Replace(key, "***", StringComparison.Ordinal);
}
