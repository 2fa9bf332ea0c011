namespace HalOSwarm.Protocol.Environments;

/// <summary>Sizes both sides hold an environment manifest to.</summary>
public static class EnvLimits
{
    /// <summary>Most items in one manifest.</summary>
    public const int MaxItems = 200;
    /// <summary>Most characters of a file's or hook's content (and of the actual content sent back for a diff).</summary>
    public const int MaxContentChars = 64 * 1024;
    /// <summary>Most characters of a path relative to the project directory.</summary>
    public const int MaxPathChars = 256;
    /// <summary>Most characters of an install command.</summary>
    public const int MaxCommandChars = 1024;
    /// <summary>How long a tool's version command may run.</summary>
    public static readonly TimeSpan VersionCommandTimeout = TimeSpan.FromSeconds(15);
}
